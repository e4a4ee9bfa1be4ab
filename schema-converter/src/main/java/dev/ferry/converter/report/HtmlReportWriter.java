package dev.ferry.converter.report;

import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.ferry.converter.report.ReportText.esc;

/**
 * Writes {@code assessment.html}: one self-contained file (inline CSS, SVG and a few lines of vanilla JavaScript; no
 * external URL) with summary cards, charts, a filterable object tree (schema → type → object) and, per object, the
 * source and converted code side by side with the action-item lines highlighted. Everything from the input is
 * HTML-escaped.
 *
 * <p>Threading: stateless.
 */
public final class HtmlReportWriter {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HtmlReportWriter() {
    }

    public static Path write(AssessmentReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        return file;
    }

    public static String render(AssessmentReport r) {
        AssessmentReport.Summary s = r.summary();
        String title = ReportText.engine(r.conversion().sourceEngine()) + " → " + ReportText.engine(r.conversion().targetEngine())
                + " assessment";
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title + " · " + r.sourceDescription())).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">Source <b>").append(esc(r.sourceDescription()))
                .append("</b> · target schema <b>").append(esc(r.targetSchema())).append("</b> · ")
                .append(esc(DATE.format(r.generatedAt()))).append(" · Ferry ").append(esc(r.ferryVersion())).append("</p>\n")
                .append("<p class=\"meta\">Verification: ").append(esc(verification(r))).append("</p></header>\n");

        b.append("<section class=\"cards\">")
                .append(card("Objects", String.valueOf(s.objects()), s.auto() + " auto · " + s.autoWithWarnings() + " with warnings · " + s.manual() + " manual"))
                .append(card("Converted automatically", fmtPct(s.autoConvertedPercent()), "auto + auto with warnings, verified"))
                .append(card("Estimated effort", String.format(Locale.ROOT, "%.1f h", s.estimatedEffortHours()), s.estimatedEffortMinutes() + " minutes of manual work"))
                .append(card("Complexity", s.complexity().charAt(0) + s.complexity().substring(1).toLowerCase(Locale.ROOT), s.linesOfCode() + " lines of code"))
                .append("</section>\n");

        b.append("<section class=\"charts\"><figure>").append(SvgCharts.statusByType(r))
                .append("<figcaption>Objects by type and status</figcaption></figure><figure>")
                .append(SvgCharts.effortBySeverity(r)).append("<figcaption>Estimated effort by severity</figcaption></figure></section>\n");

        if (!r.notes().isEmpty() || !r.files().isEmpty()) {
            b.append("<section class=\"notes\"><h2>Input</h2><ul>");
            b.append("<li>Files read: ").append(esc(String.join(", ", r.files()))).append("</li>");
            r.notes().forEach(n -> b.append("<li>").append(esc(n)).append("</li>"));
            b.append("</ul></section>\n");
        }

        List<ReportText.CodeTotal> codes = ReportText.byCode(r);
        if (!codes.isEmpty()) {
            b.append("<section><h2>Action items by code</h2><table class=\"codes\"><thead><tr><th>Code</th><th>Severity</th>")
                    .append("<th class=\"num\">Items</th><th class=\"num\">Effort</th><th>Recommendation</th></tr></thead><tbody>");
            for (ReportText.CodeTotal c : codes) {
                b.append("<tr><td class=\"mono\">").append(esc(c.code())).append("</td><td>").append(sev(c.severity()))
                        .append("</td><td class=\"num\">").append(c.count()).append("</td><td class=\"num\">")
                        .append(esc(ReportText.hours(c.minutes()))).append("</td><td>").append(esc(c.recommendation())).append("</td></tr>");
            }
            b.append("</tbody></table></section>\n");
        }

        b.append("<section id=\"objects\"><h2>Objects</h2>\n<div class=\"filters\">")
                .append("<label>Status <select id=\"f-status\"><option value=\"\">all</option>");
        for (ObjectStatus st : ObjectStatus.values()) {
            b.append("<option value=\"").append(st.name()).append("\">").append(esc(ReportText.statusLabel(st))).append("</option>");
        }
        b.append("</select></label><label>Severity <select id=\"f-sev\"><option value=\"\">any</option>");
        for (Severity sv : Severity.values()) {
            b.append("<option value=\"").append(sv.name()).append("\">").append(sv.name()).append("</option>");
        }
        b.append("</select></label><label>Text <input id=\"f-text\" type=\"search\" placeholder=\"name, code, message…\"></label>")
                .append("<button type=\"button\" id=\"f-open\">Expand all</button><button type=\"button\" id=\"f-close\">Collapse all</button>")
                .append("<span id=\"f-count\"></span></div>\n");

        Map<String, String> files = r.convertedFiles();
        for (Map.Entry<String, Map<String, List<ConvertedObject>>> schema : r.tree().entrySet()) {
            b.append("<details class=\"schema\" open><summary><span class=\"tname\">").append(esc(schema.getKey().isEmpty() ? "(no schema)" : schema.getKey()))
                    .append("</span> ").append(counts(schema.getValue().values().stream().flatMap(List::stream).toList())).append("</summary>\n");
            for (Map.Entry<String, List<ConvertedObject>> type : schema.getValue().entrySet()) {
                b.append("<details class=\"type\" open><summary><span class=\"tname\">").append(esc(type.getKey()))
                        .append("</span> ").append(counts(type.getValue())).append("</summary>\n");
                for (ConvertedObject o : type.getValue()) {
                    object(b, o, files.get(o.key()));
                }
                b.append("</details>\n");
            }
            b.append("</details>\n");
        }
        b.append("</section>\n<footer>Generated by Ferry ").append(esc(r.ferryVersion()))
                .append(". AUTO means converted, with no item above INFO, and verified (").append(esc(r.verification().mode()))
                .append("). Effort figures are estimates from the action-item catalogue.</footer>\n");
        b.append("<script>").append(JS).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    static String verification(AssessmentReport r) {
        AssessmentReport.Verification v = r.verification();
        String what = switch (v.mode()) {
            case "reparse" -> "re-parsed with Ferry's PostgreSQL grammar only (not deployed)";
            case "embedded" -> "re-parsed and deployed into a temporary embedded PostgreSQL (rolled back)";
            case "target" -> "re-parsed and deployed into " + v.target() + " (rolled back)";
            default -> v.mode();
        };
        return what + "; " + v.deployed() + " verified, " + v.failed() + " failed";
    }

    static String fmtPct(double pct) {
        return String.format(Locale.ROOT, pct == Math.rint(pct) ? "%.0f%%" : "%.1f%%", pct);
    }

    private static String card(String label, String value, String sub) {
        return "<div class=\"card\"><div class=\"label\">" + esc(label) + "</div><div class=\"value\">" + esc(value)
                + "</div><div class=\"sub\">" + esc(sub) + "</div></div>";
    }

    private static String counts(List<ConvertedObject> objects) {
        StringBuilder b = new StringBuilder("<span class=\"counts\">");
        for (ObjectStatus s : ObjectStatus.values()) {
            long n = objects.stream().filter(o -> o.status() == s).count();
            if (n > 0) {
                b.append("<span class=\"badge ").append(ReportText.statusClass(s)).append("\" title=\"")
                        .append(esc(ReportText.statusLabel(s))).append("\">").append(n).append("</span>");
            }
        }
        return b.append("</span>").toString();
    }

    private static String badge(ObjectStatus s) {
        return "<span class=\"badge " + ReportText.statusClass(s) + "\">" + esc(ReportText.statusLabel(s)) + "</span>";
    }

    private static String sev(Severity s) {
        return "<span class=\"sev sev-" + s.name().toLowerCase(Locale.ROOT) + "\">" + s.name() + "</span>";
    }

    /** The element id of an object's section. */
    static String anchor(ConvertedObject o) {
        return "obj-" + AssessmentReport.safe(o.key().replace(':', '-'));
    }

    private static void object(StringBuilder b, ConvertedObject o, String convertedFile) {
        Set<String> sevs = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder(ReportText.qualified(o)).append(' ').append(o.type()).append(' ')
                .append(o.sourceFile() == null ? "" : o.sourceFile());
        for (ActionItem i : o.actionItems()) {
            sevs.add(i.severity().name());
            text.append(' ').append(i.code()).append(' ').append(i.message());
        }
        b.append("<details class=\"obj\" id=\"").append(esc(anchor(o))).append("\" data-status=\"").append(o.status().name())
                .append("\" data-sev=\"").append(String.join(" ", sevs)).append("\" data-text=\"")
                .append(esc(text.toString().toLowerCase(Locale.ROOT))).append("\"><summary>").append(badge(o.status()))
                .append(" <span class=\"oname\">").append(esc(o.name())).append("</span> <small>")
                .append(esc(o.sourceFile() == null ? "" : o.sourceFile() + (o.sourceLine() > 0 ? ":" + o.sourceLine() : "")));
        if (!o.actionItems().isEmpty()) {
            b.append(" · ").append(o.actionItems().size()).append(o.actionItems().size() == 1 ? " item" : " items")
                    .append(" · ").append(esc(ReportText.hours(o.effortMinutes())));
        }
        b.append("</small></summary>\n<div class=\"obj-body\">");
        b.append("<p class=\"meta\">").append(esc(o.type())).append(" <b>").append(esc(ReportText.qualified(o))).append("</b> · ")
                .append(o.verified() ? "verified" : "not verified").append(" · ")
                .append(o.deployPhase() == null ? "" : esc(o.deployPhase().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        if (convertedFile != null) {
            b.append(" · <a href=\"").append(esc(convertedFile)).append("\">").append(esc(convertedFile)).append("</a>");
        }
        if (!o.dependsOn().isEmpty()) {
            b.append(" · depends on ").append(esc(String.join(", ", o.dependsOn())));
        }
        b.append("</p>");
        if (!o.actionItems().isEmpty()) {
            b.append("<table class=\"items\"><thead><tr><th>Code</th><th>Severity</th><th>Line:col</th><th>Message</th>")
                    .append("<th>Recommendation</th><th class=\"num\">Min</th></tr></thead><tbody>");
            for (ActionItem i : o.actionItems()) {
                b.append("<tr><td class=\"mono\">").append(esc(i.code())).append("</td><td>").append(sev(i.severity()))
                        .append("</td><td class=\"mono\">").append(esc(ReportText.position(i))).append("</td><td>")
                        .append(esc(i.message())).append("</td><td>").append(esc(i.recommendation()))
                        .append("</td><td class=\"num\">").append(i.effortMinutes()).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<div class=\"pair\"><div class=\"code\"><h4>Source (").append(esc(o.sourceFile() == null ? "Oracle" : o.sourceFile()))
                .append(")</h4>");
        code(b, o.sourceText(), Math.max(1, o.sourceLine()), ReportText.itemLines(o), "no source text");
        b.append("</div><div class=\"code\"><h4>Converted (PostgreSQL)</h4>");
        code(b, o.convertedSql(), 1, Map.of(), "not converted");
        b.append("</div></div></div></details>\n");
    }

    private static void code(StringBuilder b, String text, int firstLine, Map<Integer, List<String>> highlight, String empty) {
        if (text == null || text.isBlank()) {
            b.append("<p class=\"empty\">").append(esc(empty)).append("</p>");
            return;
        }
        b.append("<table class=\"src\"><tbody>");
        String[] lines = ReportText.lines(text);
        for (int k = 0; k < lines.length; k++) {
            int n = firstLine + k;
            List<String> hl = highlight.get(n);
            b.append(hl == null ? "<tr>" : "<tr class=\"hl\" title=\"" + esc(String.join(", ", hl)) + "\">")
                    .append("<td class=\"ln\">").append(n).append("</td><td class=\"tx\">").append(esc(lines[k])).append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    private static final String CSS = """
            :root{--auto:#2e7d32;--warn:#e0a100;--manual:#c62828;--bg:#f6f7f9;--fg:#1d2330;--muted:#5d6678;--line:#dde1e8}
            *{box-sizing:border-box}
            body{margin:0;padding:24px 32px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
            h1{margin:0 0 4px;font-size:24px}h2{font-size:18px;margin:28px 0 10px}h4{margin:0 0 4px;font-size:12px;color:var(--muted);font-weight:600}
            .meta{margin:2px 0;color:var(--muted)}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:12px;margin:18px 0}
            .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
            .card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            .card .value{font-size:30px;font-weight:700;margin:2px 0}.card .sub{color:var(--muted);font-size:12px}
            .charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
            figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px;max-width:100%}
            figcaption{color:var(--muted);font-size:12px;margin-top:4px}
            svg.chart{max-width:100%;height:auto;font:12px system-ui,sans-serif}svg.chart text{fill:#1d2330}svg.chart text.in{fill:#fff;font-weight:600}
            table{border-collapse:collapse;width:100%;background:#fff}
            th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}th{background:#eef0f4;font-weight:600}
            .num{text-align:right;white-space:nowrap}.mono{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
            .filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:8px 0 12px;padding:8px 10px;background:#fff;border:1px solid var(--line);border-radius:8px}
            .filters input{width:240px}#f-count{color:var(--muted)}
            details{margin:4px 0}details>summary{cursor:pointer;padding:3px 4px;border-radius:4px}details>summary:hover{background:#e8ebf0}
            details.schema{margin-left:0}details.type{margin-left:16px}details.obj{margin-left:16px;background:#fff;border:1px solid var(--line);border-radius:6px}
            details.obj[open]{box-shadow:0 1px 3px rgba(0,0,0,.08)}.tname{font-weight:700}.oname{font-weight:600}
            summary small{color:var(--muted)}
            .obj-body{padding:6px 10px 10px}
            .badge{display:inline-block;min-width:18px;padding:0 6px;border-radius:9px;color:#fff;font-size:11px;font-weight:600;text-align:center;margin-right:3px}
            .badge.auto{background:var(--auto)}.badge.auto-with-warnings{background:var(--warn);color:#222}.badge.manual{background:var(--manual)}
            .sev{font-size:11px;font-weight:700}.sev-critical{color:#7b1fa2}.sev-high{color:#c62828}.sev-medium{color:#ef6c00}.sev-low{color:#a07800}.sev-info{color:#1e88e5}
            .pair{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin-top:8px}
            .code{min-width:0}
            table.src{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;border:1px solid var(--line)}
            table.src td{border:none;padding:0 6px}
            table.src td.ln{width:1%;color:#8a93a5;text-align:right;user-select:none;border-right:1px solid var(--line);white-space:nowrap}
            table.src td.tx{white-space:pre-wrap;overflow-wrap:anywhere}
            table.src tr.hl td{background:#fff3c4}table.src tr.hl td.ln{color:#000;font-weight:700;background:#ffe083}
            .empty{color:var(--muted);font-style:italic}
            footer{margin-top:30px;color:var(--muted);font-size:12px}
            @media (max-width:900px){.pair{grid-template-columns:1fr}}
            @media print{body{background:#fff;padding:0;font-size:11px}.filters{display:none}details>summary{list-style:none}
              details.obj{break-inside:avoid;box-shadow:none}figure,.card{break-inside:avoid}table.src{font-size:9px}
              .pair{grid-template-columns:1fr 1fr}a{color:inherit;text-decoration:none}}
            """;

    private static final String JS = """
            (function(){
              var st=document.getElementById('f-status'),sv=document.getElementById('f-sev'),tx=document.getElementById('f-text');
              function apply(){
                var s=st.value,v=sv.value,t=tx.value.trim().toLowerCase(),n=0;
                document.querySelectorAll('details.obj').forEach(function(d){
                  var ok=(!s||d.dataset.status===s)&&(!v||(' '+d.dataset.sev+' ').indexOf(' '+v+' ')>=0)&&(!t||d.dataset.text.indexOf(t)>=0);
                  d.hidden=!ok;if(ok){n++;}
                });
                document.querySelectorAll('details.type,details.schema').forEach(function(g){g.hidden=!g.querySelector('details.obj:not([hidden])');});
                document.getElementById('f-count').textContent=n+' shown';
              }
              function all(open){document.querySelectorAll('details').forEach(function(d){d.open=open;});}
              [st,sv,tx].forEach(function(e){e.addEventListener('input',apply);});
              document.getElementById('f-open').addEventListener('click',function(){all(true);});
              document.getElementById('f-close').addEventListener('click',function(){all(false);});
              window.addEventListener('beforeprint',function(){all(true);});
              apply();
            })();
            """;
}
