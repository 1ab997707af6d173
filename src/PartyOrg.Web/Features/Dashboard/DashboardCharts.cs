using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using PartyOrg.Domain.Common;

namespace PartyOrg.Web.Features.Dashboard;

/// <summary>One bar to draw: the table row it belongs to (data-row), its label, value, CSS class and the list it links to.</summary>
public sealed record ChartBar(string Row, string Label, int Value, string CssClass, string? Link);

/// <summary>One row of a pyramid: men to the left, women to the right.</summary>
public sealed record PyramidBar(string Row, string Label, int Men, int Women, string? Link);

/// <summary>
/// Charts drawn as SVG on the server (strict CSP: no script, no style attribute; geometry in presentation attributes, colours in
/// site.css classes). Narrow view boxes (360 units) keep the text readable when the chart shrinks to a 390-px phone. Every chart has
/// a title and a description for screen readers, and every bar carries data-row naming the table row that gives its number.
/// </summary>
public static class DashboardCharts
{
    private const int Width = 360;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string E(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("0.#", Inv);

    private static void Open(StringBuilder sb, string id, string title, string desc, int height, string css)
    {
        sb.Append(Inv, $"<svg class=\"chart-svg {css}\" id=\"{E(id)}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{E(id)}-t {E(id)}-d\" preserveAspectRatio=\"xMidYMin meet\">");
        sb.Append(Inv, $"<title id=\"{E(id)}-t\">{E(title)}</title><desc id=\"{E(id)}-d\">{E(desc)}</desc>");
    }

    private static void Bar(StringBuilder sb, ChartBar bar, double x, double y, double w, double h, string? title = null)
    {
        var rect = $"<rect class=\"chart-bar {bar.CssClass}\" data-row=\"{E(bar.Row)}\" data-value=\"{bar.Value}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(w, 0))}\" height=\"{N(Math.Max(h, 0))}\">"
                   + $"<title>{E(title ?? $"{bar.Label}: {VnFormat.Number(bar.Value)}")}</title></rect>";
        sb.Append(bar.Link is { } link ? $"<a href=\"{E(link)}\">{rect}</a>" : rect);
    }

    /// <summary>Horizontal bars, each label above its bar and the number at its end; several bars per row draw side by side.</summary>
    public static IHtmlContent HorizontalBars(string id, string title, string desc, IReadOnlyList<IReadOnlyList<ChartBar>> rows, int? scaleMax = null)
    {
        const int labelHeight = 18, barHeight = 14, gap = 10, right = 64;
        var perRow = rows.Count == 0 ? 1 : rows.Max(r => r.Count);
        var rowHeight = labelHeight + perRow * (barHeight + 2) + gap;
        var height = Math.Max(rows.Count * rowHeight, 30);
        var max = Math.Max(scaleMax ?? 0, rows.SelectMany(r => r).Select(b => b.Value).DefaultIfEmpty(0).Max());
        var plot = Width - right;
        var sb = new StringBuilder();
        Open(sb, id, title, desc, height, "chart-hbars");
        for (var i = 0; i < rows.Count; i++)
        {
            var top = i * rowHeight;
            var row = rows[i];
            if (row.Count == 0) continue;
            sb.Append(Inv, $"<text class=\"chart-label\" x=\"0\" y=\"{top + 13}\" font-size=\"13\">{E(row[0].Label)}</text>");
            for (var j = 0; j < row.Count; j++)
            {
                var b = row[j];
                var y = top + labelHeight + j * (barHeight + 2);
                var w = max == 0 ? 0 : plot * (double)b.Value / max;
                Bar(sb, b, 0, y, w, barHeight);
                sb.Append(Inv, $"<text class=\"chart-value\" x=\"{N(w + 4)}\" y=\"{y + 11}\" font-size=\"12\">{E(VnFormat.Number(b.Value))}</text>");
            }
        }
        if (rows.Count == 0) sb.Append("<text class=\"chart-label\" x=\"0\" y=\"18\" font-size=\"12\">Chưa có số liệu</text>");
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>
    /// Many rows compactly (a province's dozens of communes): the label on the left of its row, shortened with "…" (the full name in
    /// the bar's title), then the bars of the row, thin, one under the other, with their numbers.
    /// </summary>
    public static IHtmlContent CompactBars(string id, string title, string desc, IReadOnlyList<IReadOnlyList<ChartBar>> rows)
    {
        const int labelWidth = 165, right = 36, barHeight = 8, gap = 5, maxChars = 30;
        var perRow = rows.Count == 0 ? 1 : rows.Max(r => r.Count);
        var rowHeight = Math.Max(perRow * (barHeight + 1), 13) + gap;
        var height = Math.Max(rows.Count * rowHeight, 30);
        var max = Math.Max(1, rows.SelectMany(r => r).Select(b => b.Value).DefaultIfEmpty(0).Max());
        var plot = Width - labelWidth - right;
        var sb = new StringBuilder();
        Open(sb, id, title, desc, height, "chart-compact");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Count == 0) continue;
            var top = i * rowHeight;
            var label = row[0].Label.Length > maxChars ? row[0].Label[..(maxChars - 1)].TrimEnd() + "…" : row[0].Label;
            sb.Append(Inv, $"<text class=\"chart-label\" x=\"0\" y=\"{top + 10}\" font-size=\"11\">{E(label)}</text>");
            for (var j = 0; j < row.Count; j++)
            {
                var b = row[j];
                var y = top + j * (barHeight + 1);
                var w = plot * (double)b.Value / max;
                Bar(sb, b, labelWidth, y, w, barHeight);
                sb.Append(Inv, $"<text class=\"chart-value\" x=\"{N(labelWidth + w + 3)}\" y=\"{y + 8}\" font-size=\"9\">{E(VnFormat.Number(b.Value))}</text>");
            }
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>
    /// Twelve monthly bars (left scale) with the cumulative count as a line and the year's target as a dashed line (right scale);
    /// the line's points link to the year's admissions up to each month's end.
    /// </summary>
    public static IHtmlContent Months(string id, string title, string desc, IReadOnlyList<MonthBar> months, int? target, DateOnly until)
    {
        const int top = 30, bottom = 206, left = 6, right = 40, height = 226;
        var slot = (double)(Width - left - right) / 12;
        var barMax = Math.Max(1, months.Max(m => m.Count));
        var lineMax = Math.Max(1, Math.Max(target ?? 0, months.Max(m => m.Cumulative)));
        double Y(double value, double max) => bottom - (bottom - top) * value / max;
        var sb = new StringBuilder();
        Open(sb, id, title, desc, height, "chart-months");
        sb.Append(Inv, $"<line class=\"chart-axis\" x1=\"{left}\" y1=\"{bottom}\" x2=\"{Width - right}\" y2=\"{bottom}\" />");
        var points = new List<(double X, double Y, MonthBar M)>();
        foreach (var m in months)
        {
            var x = left + (m.Month - 1) * slot;
            var started = m.CumulativeLink is not null;
            if (started)
            {
                var y = Y(m.Count, barMax);
                Bar(sb, new ChartBar(m.Month.ToString(Inv), m.Label, m.Count, "chart-admitted", null), x + 3, y, slot - 6, bottom - y);
                if (m.Count > 0) sb.Append(Inv, $"<text class=\"chart-value\" x=\"{N(x + slot / 2)}\" y=\"{N(y - 3)}\" font-size=\"10\" text-anchor=\"middle\">{E(VnFormat.Number(m.Count))}</text>");
                points.Add((x + slot / 2, Y(m.Cumulative, lineMax), m));
            }
            sb.Append(Inv, $"<text class=\"chart-label\" x=\"{N(x + slot / 2)}\" y=\"{bottom + 14}\" font-size=\"11\" text-anchor=\"middle\">{m.Month}</text>");
        }
        if (target is { } t && t > 0)
        {
            var ty = Y(t, lineMax);
            sb.Append(Inv, $"<line class=\"chart-target\" x1=\"{left}\" y1=\"{N(ty)}\" x2=\"{Width - right}\" y2=\"{N(ty)}\" stroke-dasharray=\"6 4\"><title>{E($"Chỉ tiêu năm: {VnFormat.Number(t)}")}</title></line>");
            sb.Append(Inv, $"<text class=\"chart-target-label\" x=\"{Width - right + 3}\" y=\"{N(ty + 4)}\" font-size=\"10\">{E(VnFormat.Number(t))}</text>");
        }
        if (points.Count > 0)
        {
            sb.Append(Inv, $"<polyline class=\"chart-line\" fill=\"none\" points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\" />");
            foreach (var p in points)
            {
                var dot = $"<circle class=\"chart-point\" cx=\"{N(p.X)}\" cy=\"{N(p.Y)}\" r=\"3.5\"><title>{E($"Lũy kế đến hết {p.M.Label.ToLowerInvariant()}: {VnFormat.Number(p.M.Cumulative)}")}</title></circle>";
                sb.Append(p.M.CumulativeLink is { } link ? $"<a href=\"{E(link)}\">{dot}</a>" : dot);
            }
            var last = points[^1];
            sb.Append(Inv, $"<text class=\"chart-value\" x=\"{Width - right + 3}\" y=\"{N(last.Y + 4)}\" font-size=\"10\">{E(VnFormat.Number(last.M.Cumulative))}</text>");
        }
        sb.Append(Inv, $"<text class=\"chart-label\" x=\"{left}\" y=\"11\" font-size=\"10\">{E($"Số liệu đến {VnFormat.Date(until)}")}</text>");
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>A population pyramid: the oldest band on top, men to the left of the middle, women to the right, one scale for both.</summary>
    public static IHtmlContent Pyramid(string id, string title, string desc, IReadOnlyList<PyramidBar> rows)
    {
        const int rowHeight = 26, barHeight = 18, head = 20, middle = 62, margin = 30;
        var height = head + rows.Count * rowHeight + 4;
        var half = (Width - middle) / 2.0;
        var max = Math.Max(1, rows.Select(r => Math.Max(r.Men, r.Women)).DefaultIfEmpty(0).Max());
        var scale = (half - margin) / max;
        var centreLeft = half;
        var centreRight = half + middle;
        var sb = new StringBuilder();
        Open(sb, id, title, desc, height, "chart-pyramid");
        sb.Append(Inv, $"<text class=\"chart-label\" x=\"{N(centreLeft)}\" y=\"13\" font-size=\"12\" text-anchor=\"end\">Nam</text>");
        sb.Append(Inv, $"<text class=\"chart-label\" x=\"{N(centreRight)}\" y=\"13\" font-size=\"12\">Nữ</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[rows.Count - 1 - i]; // the oldest band on top
            var y = head + i * rowHeight;
            var men = r.Men * scale;
            var women = r.Women * scale;
            Bar(sb, new ChartBar(r.Row, r.Label, r.Men, "chart-men", r.Link), centreLeft - men, y, men, barHeight, $"{r.Label}, nam: {VnFormat.Number(r.Men)}");
            Bar(sb, new ChartBar(r.Row, r.Label, r.Women, "chart-women", r.Link), centreRight, y, women, barHeight, $"{r.Label}, nữ: {VnFormat.Number(r.Women)}");
            sb.Append(Inv, $"<text class=\"chart-value\" x=\"{N(centreLeft - men - 3)}\" y=\"{y + 13}\" font-size=\"11\" text-anchor=\"end\">{E(VnFormat.Number(r.Men))}</text>");
            sb.Append(Inv, $"<text class=\"chart-value\" x=\"{N(centreRight + women + 3)}\" y=\"{y + 13}\" font-size=\"11\">{E(VnFormat.Number(r.Women))}</text>");
            sb.Append(Inv, $"<text class=\"chart-label\" x=\"{N(Width / 2.0)}\" y=\"{y + 13}\" font-size=\"11\" text-anchor=\"middle\">{E(ShortAge(r.Row))}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>The age band's key as the pyramid's middle column shows it ("≤ 30", "31–40", "> 60").</summary>
    public static string ShortAge(string key) => key switch
    {
        "le30" => "≤ 30",
        "gt60" => "> 60",
        _ => key.Replace('-', '–'),
    };
}
