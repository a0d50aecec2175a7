package org.mskrules.reports;

/**
 * A small HTML writer: every text is escaped, every page has the same inline style sheet (screen and
 * print) and no script. Not thread-safe.
 */
final class Html {
    static final String STYLE = """
            body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:2em auto;max-width:72em;padding:0 1em;line-height:1.45}
            h1{font-size:1.8em}h2{font-size:1.4em;margin-top:1.8em;border-bottom:2px solid #005eb8}h3{font-size:1.15em}
            table{border-collapse:collapse;margin:0.8em 0;font-size:0.92em}
            caption{text-align:left;font-weight:bold;padding:0.3em 0}
            th,td{border:1px solid #768692;padding:0.25em 0.6em;text-align:left;vertical-align:top}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            thead th{background:#e8edee}
            .met{color:#007f3b;font-weight:bold}.notmet{color:#d5281b;font-weight:bold}.undetermined{color:#6b4f00;font-weight:bold}
            .suppressed{font-style:italic;color:#4c6272}
            .meta{color:#4c6272;font-size:0.9em}
            figure{margin:1em 0}figcaption{font-size:0.9em;color:#4c6272}
            svg{max-width:100%;height:auto}
            .warning{border-left:6px solid #d5281b;padding:0.4em 0.8em;background:#fdf3f2}
            @media print{body{margin:0;max-width:none}h2{page-break-after:avoid}table,figure{page-break-inside:avoid}a{color:inherit}}
            """;

    private final StringBuilder b = new StringBuilder();

    static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    Html start(String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(esc(title)).append("</h1>\n");
        return this;
    }

    String end() {
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    Html h2(String text, String id) {
        b.append("<h2 id=\"").append(esc(id)).append("\">").append(esc(text)).append("</h2>\n");
        return this;
    }

    Html h3(String text) {
        b.append("<h3>").append(esc(text)).append("</h3>\n");
        return this;
    }

    Html p(String text) {
        b.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    Html p(String cssClass, String text) {
        b.append("<p class=\"").append(cssClass).append("\">").append(esc(text)).append("</p>\n");
        return this;
    }

    /** Markup already escaped by the caller. */
    Html raw(String html) {
        b.append(html);
        return this;
    }

    /** A figure holding an SVG chart, with a visible caption. */
    Html figure(String svg, String caption) {
        b.append("<figure>\n").append(svg).append("\n<figcaption>").append(esc(caption)).append("</figcaption>\n</figure>\n");
        return this;
    }

    Html list(java.util.List<String> items) {
        b.append("<ul>\n");
        items.forEach(i -> b.append("<li>").append(esc(i)).append("</li>\n"));
        b.append("</ul>\n");
        return this;
    }

    /** A table: a caption, column headers, then rows whose first cell is a row header. */
    Table table(String caption, String... headers) {
        return new Table(this, caption, headers);
    }

    /** Builds one table; cells are escaped text, numbers right-aligned. */
    static final class Table {
        private final Html html;

        Table(Html html, String caption, String... headers) {
            this.html = html;
            html.b.append("<table>\n<caption>").append(esc(caption)).append("</caption>\n<thead><tr>");
            for (int i = 0; i < headers.length; i++) {
                html.b.append("<th scope=\"col\">").append(esc(headers[i]))
                        .append("</th>");
            }
            html.b.append("</tr></thead>\n<tbody>\n");
        }

        /** A row; a cell is plain text, or a {@link Cell} for attributes and classes. */
        Table row(Object... cells) {
            html.b.append("<tr>");
            for (int i = 0; i < cells.length; i++) {
                Object c = cells[i];
                String tag = i == 0 ? "th" : "td";
                String scope = i == 0 ? " scope=\"row\"" : "";
                if (c instanceof Cell cell) {
                    html.b.append('<').append(tag).append(scope).append(cell.attributes()).append('>')
                            .append(esc(cell.text())).append("</").append(tag).append('>');
                } else {
                    String cls = i > 0 && c instanceof Number ? " class=\"n\"" : "";
                    html.b.append('<').append(tag).append(scope).append(cls).append('>').append(esc(c)).append("</")
                            .append(tag).append('>');
                }
            }
            html.b.append("</tr>\n");
            return this;
        }

        Html end() {
            html.b.append("</tbody>\n</table>\n");
            return html;
        }
    }

    /**
     * A cell with its text and attributes ({@code data-*} for tests, a class for the look).
     *
     * @param text       the text shown
     * @param attributes already-escaped attributes, each starting with a space
     */
    record Cell(String text, String attributes) {
        static Cell of(Object text, String cssClass, String... data) {
            StringBuilder a = new StringBuilder();
            if (cssClass != null) {
                a.append(" class=\"").append(esc(cssClass)).append('"');
            }
            for (int i = 0; i + 1 < data.length; i += 2) {
                a.append(" data-").append(data[i]).append("=\"").append(esc(data[i + 1])).append('"');
            }
            return new Cell(String.valueOf(text), a.toString());
        }
    }
}
