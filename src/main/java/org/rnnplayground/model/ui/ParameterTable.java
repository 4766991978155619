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
 * {@code param-total}, and {@code param-formula} (the sum written out from the shapes). Library
 * layers name their parameters as DL4J does ({@code 0_W}, {@code 0_RW}, {@code 0_b}, ... so {@code
 * shape-0_W}, {@code count-0_W}); the table shows the book's name next to it and the layer.
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
            shape.setId(ShapeDiagram.idFor("shape-", p.name()));
            shape.addClassName("shape");
            Span count = new Span(getTranslation("shapes.number", p.elementCount()));
            count.setId(ShapeDiagram.idFor("count-", p.name()));
            NativeTableCell name;
            String role;
            if (trace.library()) {
                Span dl4j = new Span(p.name());
                dl4j.addClassName("code");
                dl4j.addClassName("dl4j-name");
                name = new NativeTableCell(MathText.of(bookName(p)), new Span(" "), dl4j);
                role = libraryRole(trace, p);
            } else {
                name = new NativeTableCell(MathText.of(p.name()));
                role = getTranslation("shapes.params.role." + p.name().replace("_", ""));
            }
            name.addClassName("tensor-name");
            NativeTableCell countCell = new NativeTableCell(count);
            countCell.addClassName("num");
            NativeTableRow row =
                    new NativeTableRow(name, new NativeTableCell(shape), countCell, new NativeTableCell(role));
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

    /**
     * The book's name of a library parameter, from the trace's note: {@code W_xh}, {@code W_hh},
     * {@code b_h} (per layer), {@code W_hq}, {@code b_q}, or {@code embedding}; for the from-scratch
     * model the name itself.
     */
    static String bookName(TensorShape p) {
        if (p.note().isEmpty()) {
            return p.name();
        }
        String book = p.note().split(",", 2)[0].trim();
        return book.startsWith("embedding") ? "embedding" : book;
    }

    /** What a library parameter does, with its layer (counted from 1) and, for a GRU or LSTM, its gates. */
    private String libraryRole(ShapeTrace trace, TensorShape p) {
        String book = bookName(p);
        int index = Integer.parseInt(p.name().substring(0, p.name().indexOf('_')));
        int layer = index + 1 - (trace.request().embeddingSize() > 0 ? 1 : 0);
        return switch (book) {
            case "W_hq", "b_q" -> getTranslation("shapes.params.role." + book.replace("_", ""));
            case "embedding" -> getTranslation("shapes.params.lib.embedding");
            default -> {
                String role = getTranslation(
                        "shapes.params.lib." + book.replace("_", ""), layer, layer == 1 ? 0 : 1, layer - 1);
                int gates = trace.request().implementation().cell().gateBlocks();
                yield gates > 1
                        ? role
                                + getTranslation(
                                        "shapes.params.lib.gates",
                                        gates,
                                        trace.request().numHiddens())
                        : role;
            }
        };
    }
}
