package io.jenkins.plugins.eks2aks.report;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A report for people as a few kinds of blocks (headings, paragraphs, lists, tables, summary figures, callouts), so
 * one builder feeds both the Markdown and the self-contained HTML rendering and they never disagree. Text is
 * Markdown inline text: the Markdown keeps it as it is, the HTML escapes it and turns its {@code `code`} and
 * {@code **bold**} spans into elements (see {@link #code(String)} for text that may itself hold backticks).
 */
public final class ReportDocument {

    /** A part of the document. */
    public sealed interface Block permits Heading, Paragraph, Bullets, Checklist, Table, Figures, Callout, Navigation, GroupedTable {
    }

    /** A heading; level 2 for sections, 3 below them. {@code anchor}, or null, is what a {@link Link} points to. */
    public record Heading(int level, String text, String anchor) implements Block {
        public Heading(int level, String text) {
            this(level, text, null);
        }
    }

    public record Paragraph(String text) implements Block {
    }

    public record Bullets(List<String> items) implements Block {
    }

    /** Things to do, each with a box to tick (a task list in Markdown, disabled checkboxes in HTML). */
    public record Checklist(List<Task> items) implements Block {
    }

    /** One thing to do: what, then the lines that explain it (the value now, why, what to set). */
    public record Task(String text, List<String> details) {
        public Task {
            details = List.copyOf(details);
        }
    }

    /** A table; every row has as many cells as there are headers. A row made by {@link #highlighted} stands out. */
    public record Table(List<String> headers, List<List<String>> rows) implements Block {
    }

    /** Counts shown side by side at the top of a report. */
    public record Figures(List<Figure> figures) implements Block {
    }

    /**
     * A count and what it counts; {@code mark}, or null, is a word the HTML colours it by
     * (a rule mode such as {@code HUMAN}, a severity such as {@code HIGH}, or {@code CONFLICT}).
     */
    public record Figure(String label, long value, String mark) {
    }

    /** One sentence that says where the report's subject stands, at a glance. */
    public record Callout(Level level, String text) implements Block {

        /** How it stands: done, waiting for someone, or failed. */
        public enum Level { OK, PENDING, FAILED }
    }

    /** Links to the anchored sections of the document, in order. */
    public record Navigation(List<Link> links) implements Block {
    }

    public record Link(String text, String anchor) {
    }

    /** A table whose rows come in groups, each under a heading row (the changes of one object). */
    public record GroupedTable(List<String> headers, List<Group> groups) implements Block {
    }

    public record Group(String heading, List<List<String>> rows) {
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

    /** A section that a {@link Link} with {@code anchor} points to. */
    public ReportDocument section(String text, String anchor) {
        blocks.add(new Heading(2, text, anchor));
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
        return tasks(items.stream().map(i -> new Task(i, List.of())).toList());
    }

    public ReportDocument tasks(List<Task> tasks) {
        blocks.add(new Checklist(List.copyOf(tasks)));
        return this;
    }

    public ReportDocument figures(List<Figure> figures) {
        blocks.add(new Figures(List.copyOf(figures)));
        return this;
    }

    public ReportDocument callout(Callout.Level level, String text) {
        blocks.add(new Callout(level, text));
        return this;
    }

    public ReportDocument navigation(List<Link> links) {
        blocks.add(new Navigation(List.copyOf(links)));
        return this;
    }

    /** A grouped table, or the paragraph {@code empty} when there are no groups; the groups may be made lazily. */
    public ReportDocument groupedTable(List<String> headers, List<Group> groups, String empty) {
        blocks.add(groups.isEmpty() ? new Paragraph(empty) : new GroupedTable(List.copyOf(headers), groups));
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

    /** A row that stands out from the others (a change that was not applied); Markdown shows it like any row. */
    public static List<String> highlighted(List<String> cells) {
        return new Highlighted(cells);
    }

    public static boolean isHighlighted(List<String> row) {
        return row instanceof Highlighted;
    }

    /**
     * {@code text} as a code span however many backticks it holds: the fence is one backtick longer than the
     * longest run in it, and a space pads text that starts or ends with a backtick (CommonMark strips it again).
     */
    public static String code(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        if (text.isEmpty()) {
            return "` `"; // CommonMark has no empty code span
        }
        boolean pad = text.startsWith("`") || text.endsWith("`")
                || (text.startsWith(" ") && text.endsWith(" ") && !text.isBlank());
        return pad ? fence + " " + text + " " + fence : fence + text + fence;
    }

    private static final class Highlighted extends AbstractList<String> implements RandomAccess {

        private final List<String> cells;

        Highlighted(List<String> cells) {
            this.cells = cells;
        }

        @Override
        public String get(int index) {
            return cells.get(index);
        }

        @Override
        public int size() {
            return cells.size();
        }
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
