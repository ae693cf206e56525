package org.cstrat.server.view;

import java.util.Map;

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
        context.setVariable("viewerName", viewer.name());
        context.setVariable("viewerRole", viewer.role());
        context.setVariable("signedIn", viewer.signedIn());
        context.setVariable("canEdit", viewer.canEdit());
        context.setVariable("canAnalyse", viewer.canAnalyse());
        context.setVariable("canAdminister", viewer.canAdminister());
    }

    public String render(String template, Map<String, Object> model) {
        Context context = new Context();
        viewer(context);
        context.setVariables(model);
        return engine.process(template, context);
    }
}
