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
            h2{font-size:18px;margin:32px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
            .meta{color:var(--muted);margin:0}
            .meta code{font-size:12px}
            nav{margin:16px 0 0;display:flex;gap:8px;flex-wrap:wrap}
            nav a{color:var(--accent);text-decoration:none;border:1px solid var(--line);border-radius:16px;padding:2px 12px;background:var(--soft)}
            code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            code{background:var(--soft);border-radius:4px;padding:1px 4px;word-break:break-all}
            pre{background:var(--soft);border-radius:6px;padding:8px;margin:4px 0 0;white-space:pre-wrap;word-break:break-all}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;margin:12px 0}
            .card{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
            .card b{display:block;font-size:22px}
            .card span{color:var(--muted)}
            .card.auto{border-left:4px solid var(--auto)}.card.auto_warn{border-left:4px solid var(--warn)}
            .card.human{border-left:4px solid var(--human)}.card.drop{border-left:4px solid var(--drop)}
            .card.exclude{border-left:4px solid var(--exclude)}.card.conflict{border-left:4px solid var(--human)}
            .status{border-radius:8px;padding:10px 14px;margin:12px 0;font-weight:600}
            .status.ok{background:#dafbe1;color:#116329}.status.pending{background:#fff8c5;color:#7d4e00}
            .status.failed{background:#ffebe9;color:#a40e26}
            .legend{color:var(--muted);font-size:13px;margin:0}
            .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
            .badge.auto{background:var(--auto)}.badge.auto_warn{background:var(--warn)}.badge.human{background:var(--human)}
            .badge.drop{background:var(--drop)}.badge.exclude{background:var(--exclude)}
            .rule{font-weight:600;white-space:nowrap}
            .loc{color:var(--muted);font-size:12px;white-space:nowrap}
            .none{color:var(--muted);font-style:italic}
            ul.checklist{list-style:none;padding:0;margin:0}
            ul.checklist li{display:flex;gap:10px;border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:0 0 8px}
            ul.checklist input{margin-top:4px}
            ul.checklist .what{font-weight:600}
            ul.checklist p{margin:4px 0 0}
            .keys code{background:#ddf4ff;color:#0550ae}
            h3{font-size:15px;margin:20px 0 8px}
            table{border-collapse:collapse;width:100%;margin:4px 0 16px}table.fixed{table-layout:fixed}
            th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
            thead th{background:var(--soft);position:sticky;top:0;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
            tbody.object th{background:#eef1f4;font-weight:600;text-transform:none;font-size:13px;color:var(--fg);letter-spacing:0}
            tr.held td{background:#fffbea}
            td.HIGH,td.FAIL{color:var(--human);font-weight:600}td.MEDIUM{color:var(--warn);font-weight:600}
            td.PASS{color:var(--auto);font-weight:600}td.NOT_CHECKED{color:var(--muted)}
            details summary{cursor:pointer}
            footer{margin-top:40px;color:var(--muted);font-size:12px}
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
        if (text == null) {
            return h;
        }
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                h.append(text, from, i).append(entity);
                from = i + 1;
            }
        }
        return h.append(text, from, text.length());
    }
}
