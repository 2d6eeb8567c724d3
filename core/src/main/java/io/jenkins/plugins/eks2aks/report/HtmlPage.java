package io.jenkins.plugins.eks2aks.report;

/**
 * What every HTML report shares: one stylesheet and one escape function, so the inventory, preflight and
 * conversion pages look like one product and every text from the input is escaped the same way.
 */
public final class HtmlPage {

    /** The stylesheet of every report page (inline: a page needs nothing from outside). */
    public static final String STYLE = """
            :root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--accent:#0969da;
            --auto:#1a7f37;--warn:#9a6700;--human:#cf222e;--drop:#6e7781;--exclude:#8250df}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
            main{max-width:1360px;margin:0 auto;padding:24px 32px 48px}
            h1{font-size:24px;margin:0 0 4px}
            h1+p{color:var(--muted);margin:0}
            h2{font-size:18px;margin:32px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
            nav{margin:16px 0 0;display:flex;gap:8px;flex-wrap:wrap}
            nav a{color:var(--accent);text-decoration:none;border:1px solid var(--line);border-radius:16px;padding:2px 12px;background:var(--soft)}
            code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            code{background:var(--soft);border-radius:4px;padding:1px 4px;word-break:break-all}
            pre{background:var(--soft);border-radius:6px;padding:8px;margin:4px 0 0;white-space:pre-wrap;word-break:break-all}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;margin:12px 0}
            .card{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
            .card b{display:block;font-size:22px}
            .card span{color:var(--muted)}
            .card.AUTO,.card.PASS{border-left:4px solid var(--auto)}.card.AUTO_WARN,.card.MEDIUM{border-left:4px solid var(--warn)}
            .card.HUMAN,.card.HIGH,.card.FAIL,.card.CONFLICT{border-left:4px solid var(--human)}
            .card.DROP{border-left:4px solid var(--drop)}.card.EXCLUDE{border-left:4px solid var(--exclude)}
            .status{border-radius:8px;padding:10px 14px;margin:12px 0;font-weight:600}
            .status.ok{background:#dafbe1;color:#116329}.status.pending{background:#fff8c5;color:#7d4e00}
            .status.failed{background:#ffebe9;color:#a40e26}
            ul.checklist{list-style:none;padding:0;margin:0}
            ul.checklist li{display:flex;gap:10px;border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:0 0 8px}
            ul.checklist input{margin-top:4px}
            ul.checklist .what{font-weight:600}
            ul.checklist .detail{margin:4px 0 0}
            h3{font-size:15px;margin:20px 0 8px}
            table{border-collapse:collapse;width:100%;margin:4px 0 16px}
            th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
            thead th{background:var(--soft);position:sticky;top:0;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
            tbody.group th{background:#eef1f4;font-weight:600;text-transform:none;font-size:13px;color:var(--fg);letter-spacing:0}
            tr.highlight td{background:#fffbea}
            td.HIGH,td.FAIL,td.HUMAN{color:var(--human);font-weight:600}td.MEDIUM,td.AUTO_WARN{color:var(--warn);font-weight:600}
            td.PASS,td.AUTO{color:var(--auto);font-weight:600}td.NOT_CHECKED{color:var(--muted)}
            td.DROP{color:var(--drop);font-weight:600}td.EXCLUDE{color:var(--exclude);font-weight:600}
            details summary{cursor:pointer}
            @media print{nav{display:none}thead th{position:static}}
            """;

    private HtmlPage() {
    }

    /** The start of a page up to its {@code <main>}: head with the title and the stylesheet. */
    public static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n";
    }

    public static final String TAIL = "</main>\n</body>\n</html>\n";

    public static String escape(String text) {
        return escape(new StringBuilder(text == null ? 0 : text.length() + 16), text).toString();
    }

    /** Appends {@code text} with the five HTML-significant characters escaped; null appends nothing. */
    public static StringBuilder escape(StringBuilder h, String text) {
        return text == null ? h : escape(h, text, 0, text.length());
    }

    /** Appends the characters of {@code text} from {@code start} to {@code end}, escaped. */
    public static StringBuilder escape(StringBuilder h, String text, int start, int end) {
        int from = start;
        for (int i = start; i < end; i++) {
            String entity = entity(text.charAt(i));
            if (entity != null) {
                h.append(text, from, i).append(entity);
                from = i + 1;
            }
        }
        return h.append(text, from, end);
    }

    /** The entity that stands for {@code c} in HTML text and attribute values, or null when it stands for itself. */
    static String entity(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
    }
}
