package org.rnnplayground.model.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.StringJoiner;
import org.rnnplayground.model.TensorShape;

/**
 * The model's parameters as the model reports them: name, shape, element count, and the total the
 * model counts. Ids: {@code param-table}, per parameter {@code shape-NAME} and {@code count-NAME},
 * {@code param-total}, and {@code param-formula} (the sum written out from the shapes).
 */
class ParameterTable extends Div {

    final NativeTable table = new NativeTable();
    final Span total = new Span();
    final Paragraph formula = new Paragraph();

    ParameterTable() {
        addClassName("card");
        addClassName("param-card");
        table.setId("param-table");
        table.addClassName("param-table");
        total.setId("param-total");
        formula.setId("param-formula");
        formula.addClassName("muted");
        add(new H3(getTranslation("shapes.params.title")), table, formula);
    }

    void show(ShapeTrace trace) {
        table.removeHead();
        table.removeFoot();
        table.getBody().removeAllRows();
        NativeTableRow header = new NativeTableRow(
                new NativeTableHeaderCell(getTranslation("shapes.params.name")),
                new NativeTableHeaderCell(getTranslation("shapes.params.shape")),
                new NativeTableHeaderCell(getTranslation("shapes.params.count")),
                new NativeTableHeaderCell(getTranslation("shapes.params.role")));
        table.getHead().addRows(header);
        StringJoiner sum = new StringJoiner(" + ");
        for (TensorShape p : trace.parameters()) {
            Span shape = new Span(p.shapeText());
            shape.setId("shape-" + p.name());
            shape.addClassName("shape");
            Span count = new Span(getTranslation("shapes.number", p.elementCount()));
            count.setId("count-" + p.name());
            NativeTableCell name = new NativeTableCell(MathText.of(p.name()));
            name.addClassName("tensor-name");
            NativeTableCell countCell = new NativeTableCell(count);
            countCell.addClassName("num");
            NativeTableRow row = new NativeTableRow(
                    name,
                    new NativeTableCell(shape),
                    countCell,
                    new NativeTableCell(
                            getTranslation("shapes.params.role." + p.name().replace("_", ""))));
            table.getBody().addRows(row);
            StringJoiner product = new StringJoiner("·");
            p.shape().forEach(d -> product.add(Long.toString(d)));
            sum.add(product.toString());
        }
        total.setText(getTranslation("shapes.number", trace.parameterCount()));
        NativeTableCell totalLabel = new NativeTableCell(getTranslation("shapes.params.total"));
        totalLabel.setColspan(2);
        NativeTableCell totalCell = new NativeTableCell(total);
        totalCell.addClassName("num");
        NativeTableRow footer = new NativeTableRow(totalLabel, totalCell, new NativeTableCell());
        table.getFoot().addRows(footer);
        formula.setText(getTranslation("shapes.params.formula", sum.toString(), trace.parameterCount()));
    }
}
