package org.cstrat.server.view;

import java.util.Map;

import org.cstrat.server.auth.Principal;
import org.cstrat.server.auth.Role;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders the Thymeleaf pages packaged from the top-level {@code web/templates/} folder. */
public final class Templates {

    private final TemplateEngine engine;

    public Templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    /**
     * What every page may show of the caller, from {@link PageViewer} (set by the HTTP layer's access check): {@code viewerName} and {@code viewerRole} (null when
     * nobody is signed in), {@code signedIn} (show the name and the sign-out button; false when auth is off) and what
     * the role allows: {@code canEdit} (strategist), {@code canAnalyse} (analyst: console, customers), {@code canAdminister}
     * (admin: imports).
     */
    private static void viewer(Context context) {
        PageViewer viewer = PageViewer.current();
        Principal p = viewer.principal();
        context.setVariable("viewerName", p == null ? null : p.name());
        context.setVariable("viewerRole", p == null ? null : p.role().id());
        context.setVariable("signedIn", p != null && viewer.loginShown());
        context.setVariable("canEdit", p != null && p.may(Role.STRATEGIST));
        context.setVariable("canAnalyse", p != null && p.may(Role.ANALYST));
        context.setVariable("canAdminister", p != null && p.may(Role.ADMIN));
    }

    public String render(String template, Map<String, Object> model) {
        Context context = new Context();
        viewer(context);
        context.setVariables(model);
        return engine.process(template, context);
    }
}
