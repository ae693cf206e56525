package org.cstrat.server.editing;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.cstrat.server.core.ConflictException;
import org.cstrat.server.core.ValidationException;
import org.cstrat.server.core.WorkbenchException;
import org.cstrat.server.editing.Commands.FirmCommand;
import org.cstrat.server.editing.Commands.MarketCommand;
import org.cstrat.server.editing.Commands.PartCommand;
import org.cstrat.server.view.Templates;

/**
 * The editing forms. A valid submission is written and redirects (303) to the page that shows it; an
 * invalid one renders the form again with the submitted values and a message next to each bad field,
 * with the status the HTTP layer gives the error (a bad value, or an id that exists).
 */
public final class EditPages {

    private final EditingService editing;
    private final EditForms forms;
    private final Templates templates;
    private final Function<WorkbenchException, HttpStatus> statusOf;

    /** @param statusOf the HTTP layer's status for an error, for a form shown again with its errors */
    public EditPages(EditingService editing, EditForms forms, Templates templates, Function<WorkbenchException, HttpStatus> statusOf) {
        this.editing = editing;
        this.forms = forms;
        this.templates = templates;
        this.statusOf = statusOf;
    }

    public void newMarket(Context ctx) {
        show(ctx, forms.market(null, null, null));
    }

    public void createMarket(Context ctx) {
        submit(ctx, () -> editing.createMarket(MarketCommand.read(Input.ofForm(ctx.formParamMap()), null)), id -> "/markets/" + id,
                (values, errors) -> forms.market(null, values, errors));
    }

    public void editMarket(Context ctx) {
        show(ctx, forms.market(ctx.pathParam("marketId"), null, null));
    }

    public void updateMarket(Context ctx) {
        String market = ctx.pathParam("marketId");
        submit(ctx, () -> editing.updateMarket(MarketCommand.read(Input.ofForm(ctx.formParamMap()), market)), id -> "/markets/" + id,
                (values, errors) -> forms.market(market, values, errors));
    }

    public void newFirm(Context ctx) {
        show(ctx, forms.firm(ctx.pathParam("marketId"), null, null, null));
    }

    /** After creating a firm, the matrix opens with the new firm selected, so the strategist sees where it landed. */
    public void createFirm(Context ctx) {
        String market = ctx.pathParam("marketId");
        submit(ctx, () -> editing.createFirm(market, FirmCommand.read(Input.ofForm(ctx.formParamMap()), null)), id -> "/markets/" + market + "?selected=" + id,
                (values, errors) -> forms.firm(market, null, values, errors));
    }

    public void editFirm(Context ctx) {
        show(ctx, forms.firm(null, ctx.pathParam("firmId"), null, null));
    }

    public void updateFirm(Context ctx) {
        String firm = ctx.pathParam("firmId");
        submit(ctx, () -> editing.updateFirm(FirmCommand.read(Input.ofForm(ctx.formParamMap()), firm)), id -> "/firms/" + id,
                (values, errors) -> forms.firm(null, firm, values, errors));
    }

    public void newPart(Context ctx) {
        show(ctx, forms.part(ctx.pathParam("firmId"), EditingService.kind(ctx.pathParam("kind")), null, null, null));
    }

    public void createPart(Context ctx) {
        String firm = ctx.pathParam("firmId");
        Kind kind = EditingService.kind(ctx.pathParam("kind"));
        submit(ctx, () -> editing.createPart(firm, PartCommand.read(kind, Input.ofForm(ctx.formParamMap()), null)), id -> "/firms/" + firm,
                (values, errors) -> forms.part(firm, kind, null, values, errors));
    }

    public void editPart(Context ctx) {
        show(ctx, forms.part(ctx.pathParam("firmId"), EditingService.kind(ctx.pathParam("kind")), ctx.pathParam("itemId"), null, null));
    }

    public void updatePart(Context ctx) {
        String firm = ctx.pathParam("firmId");
        Kind kind = EditingService.kind(ctx.pathParam("kind"));
        String item = ctx.pathParam("itemId");
        submit(ctx, () -> editing.updatePart(firm, PartCommand.read(kind, Input.ofForm(ctx.formParamMap()), item)), id -> "/firms/" + firm,
                (values, errors) -> forms.part(firm, kind, item, values, errors));
    }

    private void show(Context ctx, FormView form) {
        ctx.html(templates.render("form", Map.of("form", form)));
    }

    private void submit(Context ctx, Supplier<String> write, Function<String, String> location,
                        BiFunction<Map<String, List<String>>, Map<String, String>, FormView> form) {
        try {
            ctx.redirect(location.apply(write.get()), HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            ctx.status(statusOf.apply(e));
            show(ctx, form.apply(ctx.formParamMap(), e.byField()));
        } catch (ConflictException e) {
            ctx.status(statusOf.apply(e));
            show(ctx, form.apply(ctx.formParamMap(), e.byField()));
        }
    }
}
