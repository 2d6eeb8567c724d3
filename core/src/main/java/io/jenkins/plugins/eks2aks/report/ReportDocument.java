package io.jenkins.plugins.eks2aks.report;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A report for people as a few kinds of blocks (headings, paragraphs, lists, tables), so one builder feeds both
 * the Markdown and the self-contained HTML rendering and they never disagree. Text is plain: the renderers escape it.
 */
public final class ReportDocument {

    /** A part of the document. */
    public sealed interface Block permits Heading, Paragraph, Bullets, Checklist, Table {
    }

    /** A heading; level 2 for sections, 3 below them. */
    public record Heading(int level, String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    public record Bullets(List<String> items) implements Block {
    }

    /** Things to do, each with a box to tick (a task list in Markdown, disabled checkboxes in HTML). */
    public record Checklist(List<String> items) implements Block {
    }

    /** A table; every row has as many cells as there are headers. */
    public record Table(List<String> headers, List<List<String>> rows) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public ReportDocument(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public ReportDocument section(String text) {
        blocks.add(new Heading(2, text));
        return this;
    }

    public ReportDocument subsection(String text) {
        blocks.add(new Heading(3, text));
        return this;
    }

    public ReportDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public ReportDocument bullets(List<String> items) {
        blocks.add(new Bullets(List.copyOf(items)));
        return this;
    }

    public ReportDocument checklist(List<String> items) {
        blocks.add(new Checklist(List.copyOf(items)));
        return this;
    }

    /** A table, or the paragraph {@code empty} when there are no rows. */
    public ReportDocument table(List<String> headers, List<List<String>> rows, String empty) {
        blocks.add(rows.isEmpty() ? new Paragraph(empty) : new Table(List.copyOf(headers), rows instanceof Rows ? rows : List.copyOf(rows)));
        return this;
    }

    /**
     * The rows of a table with one row per item, made when a renderer reaches them and not before: a report with
     * hundreds of thousands of rows is written row by row instead of being held twice, as items and as text.
     * {@code items} must not change afterwards.
     */
    public static <T> List<List<String>> rows(List<T> items, Function<T, List<String>> row) {
        return new Rows<>(items, row);
    }

    private static final class Rows<T> extends AbstractList<List<String>> implements RandomAccess {

        private final List<T> items;
        private final Function<T, List<String>> row;

        Rows(List<T> items, Function<T, List<String>> row) {
            this.items = items;
            this.row = row;
        }

        @Override
        public List<String> get(int index) {
            return row.apply(items.get(index));
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
