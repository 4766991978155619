package org.rnnplayground.admin.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.PoolStats;

/** The pools of heavy work (shape traces, generation, ...): per pool its threads, queue and counts. */
class ExecutorsPanel extends Div {

    final Grid<PoolStats> pools = new Grid<>();

    private final BoundedExecutors executors;

    ExecutorsPanel(BoundedExecutors executors) {
        this.executors = executors;
        addClassName("card");
        pools.setId("admin-pools");
        pools.addThemeVariants(GridVariant.LUMO_COMPACT);
        pools.addColumn(p -> getTranslation("admin.pools.kind." + p.kind().name()))
                .setHeader(getTranslation("admin.pools.kind"))
                .setFlexGrow(1);
        pools.addColumn(PoolStats::threads).setHeader(getTranslation("admin.pools.threads"));
        pools.addColumn(PoolStats::active).setHeader(getTranslation("admin.pools.active"));
        pools.addColumn(p -> p.queued() + " / " + p.queueCapacity()).setHeader(getTranslation("admin.pools.queued"));
        pools.addColumn(PoolStats::completed).setHeader(getTranslation("admin.pools.completed"));
        pools.addColumn(PoolStats::rejected).setHeader(getTranslation("admin.pools.rejected"));
        pools.setAllRowsVisible(true);
        Paragraph help = new Paragraph(getTranslation("admin.pools.help"));
        help.addClassName("muted");
        add(new H3(getTranslation("admin.pools.title")), help, pools);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
    }

    void refresh() {
        pools.setItems(executors.stats());
    }
}
