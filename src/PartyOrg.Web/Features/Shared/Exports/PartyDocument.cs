using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PartyOrg.Domain.Common;

namespace PartyOrg.Web.Features.Shared.Exports;

/// <summary>A block of a section's body: a paragraph of text or a table.</summary>
public abstract record DocBlock;

/// <summary>A justified paragraph with a first-line indent; <paramref name="Bold"/> for a lead-in line.</summary>
public sealed record DocParagraph(string Text, bool Bold = false, bool Italic = false) : DocBlock;

/// <summary>A table with a bold header row; cells are text already formatted (1.642; 105,93%; 12/01/2024).</summary>
public sealed record DocTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int>? WidthsPercent = null) : DocBlock;

/// <summary>A section: an optional heading ("I. KẾT QUẢ …", bold) and its blocks.</summary>
public sealed record DocSection(string? Heading, IReadOnlyList<DocBlock> Blocks);

/// <summary>
/// The signature block on the right: "T/M BAN THƯỜNG VỤ" (the authority), the position ("PHÓ BÍ THƯ"), and the signer's name
/// (blank: a dotted line left for the name).
/// </summary>
public sealed record DocSignature(string Authority, string Position, string? Name);

/// <summary>
/// A Party document (văn bản của Đảng) as Hướng dẫn 36-HD/VPTW (03/4/2018) lays it out. <paramref name="IssuerParent"/> is the
/// level above the issuer ("ĐẢNG BỘ TỈNH TÂY NINH", may be empty), <paramref name="Issuer"/> the issuing body ("BAN THƯỜNG VỤ");
/// <paramref name="Number"/> the whole "Số 12-BC/TU" line (null: "Số     -BC/…" left for the clerk); <paramref name="Kind"/> the
/// name of the type ("BÁO CÁO"), <paramref name="Summary"/> its subject (trích yếu); <paramref name="Signature"/> and
/// <paramref name="Recipients"/> may be null/empty for a form (the 2-HSĐV sheet).
/// </summary>
public sealed record PartyDocumentSpec(
    string IssuerParent, string Issuer, string? Number, string Place, DateOnly? Date, string Kind, string? Summary,
    IReadOnlyList<DocSection> Sections, DocSignature? Signature, IReadOnlyList<string> Recipients);

/// <summary>
/// Writes a Party document to .docx bytes (valid OpenXML, editable in Word and LibreOffice), following Hướng dẫn 36-HD/VPTW
/// ngày 03/4/2018 của Văn phòng Trung ương Đảng "về thể thức và kỹ thuật trình bày văn bản của Đảng":
/// A4 (210 × 297 mm) and the TCVN 6909:2001 Unicode font, Times New Roman (HD 36 as summarised by Văn phòng Đảng ủy – Đoàn
/// thể, Đại học Vinh, vpdangdoan.vinhuni.edu.vn, 2018). The margin figures of HD 36 itself were not found in the text available
/// to us: <see cref="MarginsMm"/> is the front-page area of the Party's document technique as printed in the handbook of Đảng ủy
/// Khối Bình Thuận (top 25, bottom 25, left 35, right 15 mm: stdt.danguykhoibinhthuan.vn, "Yêu cầu kỹ thuật trình bày văn bản"),
/// a named value the clerk can change in Word. Top left: the level above in capitals, the issuer in bold capitals, a star
/// "*" under it, then "Số …-BC/…"; top right: "ĐẢNG CỘNG SẢN VIỆT NAM" bold, underlined, then the place and date in italics
/// ("Tây Ninh, ngày 05 tháng 12 năm 2025"); the type name bold centred, the subject under it; the body justified, first-line
/// indent 1 cm, size 14; the signature block on the right ("T/M BAN THƯỜNG VỤ", position, name, bold); "Nơi nhận:" bottom left
/// (underlined, size 12 list). Usage: <c>byte[] docx = PartyDocument.Write(spec);</c>
/// </summary>
public static class PartyDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Font = "Times New Roman";
    public const string PartyHeading = "ĐẢNG CỘNG SẢN VIỆT NAM";
    /// <summary>Body size in points (HD 36: 13–14 for the body; 14 chosen).</summary>
    public const int BodySize = 14;

    private const int TwipsPerMm = 1440 * 10 / 254; // 56

    /// <summary>Page margins in millimetres (top, bottom, left, right); see the class comment for their source.</summary>
    public static readonly (int Top, int Bottom, int Left, int Right) MarginsMm = (25, 25, 35, 15);

    public static byte[] Write(PartyDocumentSpec spec)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Heading(spec));
            body.Append(Para("", 6));
            body.Append(Para(spec.Kind, 15, bold: true, align: JustificationValues.Center));
            if (!string.IsNullOrWhiteSpace(spec.Summary)) body.Append(Para(spec.Summary!, BodySize, bold: true, align: JustificationValues.Center));
            body.Append(Para("-----", BodySize, align: JustificationValues.Center));
            foreach (var section in spec.Sections)
            {
                if (!string.IsNullOrWhiteSpace(section.Heading)) body.Append(Para(section.Heading!, BodySize, bold: true, indent: true, align: JustificationValues.Both));
                foreach (var block in section.Blocks)
                    switch (block)
                    {
                        case DocParagraph p: body.Append(Para(p.Text, BodySize, p.Bold, p.Italic, indent: true, align: JustificationValues.Both)); break;
                        case DocTable t: body.Append(Table(t)); body.Append(Para("", 6)); break;
                    }
            }
            if (spec.Signature is not null || spec.Recipients.Count > 0) body.Append(Closing(spec));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 }, // A4 in twips
                new PageMargin { Top = MarginsMm.Top * TwipsPerMm, Bottom = MarginsMm.Bottom * TwipsPerMm, Left = (uint)(MarginsMm.Left * TwipsPerMm), Right = (uint)(MarginsMm.Right * TwipsPerMm), Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>"Tây Ninh, ngày 05 tháng 12 năm 2025", or with dots for a date to be written by hand.</summary>
    public static string PlaceAndDate(string place, DateOnly? date) =>
        date is { } d ? $"{place}, {VnFormat.DocumentDate(d)}" : $"{place}, ngày …… tháng …… năm ……";

    /// <summary>A line left for the clerk to fill by hand.</summary>
    public const string Dots = "……………………………………";

    private static Table Heading(PartyDocumentSpec spec)
    {
        var left = new TableCell(CellWidth(45));
        if (!string.IsNullOrWhiteSpace(spec.IssuerParent)) left.Append(Para(spec.IssuerParent.ToUpper(VnFormat.Culture), BodySize, align: JustificationValues.Center));
        left.Append(Para(spec.Issuer.ToUpper(VnFormat.Culture), BodySize, bold: true, align: JustificationValues.Center));
        left.Append(Para("*", BodySize, align: JustificationValues.Center));
        left.Append(Para(spec.Number ?? "Số      -BC/…", BodySize, align: JustificationValues.Center));
        var right = new TableCell(CellWidth(55));
        right.Append(Para(PartyHeading, 15, bold: true, underline: true, align: JustificationValues.Center));
        right.Append(Para("", BodySize));
        right.Append(Para(PlaceAndDate(spec.Place, spec.Date), BodySize, italic: true, align: JustificationValues.Center));
        return Borderless(new TableRow(left, right));
    }

    private static Table Closing(PartyDocumentSpec spec)
    {
        var left = new TableCell(CellWidth(45));
        if (spec.Recipients.Count > 0)
        {
            left.Append(Para("Nơi nhận:", BodySize, underline: true));
            foreach (var r in spec.Recipients) left.Append(Para("- " + r, 12));
        }
        else left.Append(Para("", BodySize));
        var right = new TableCell(CellWidth(55));
        if (spec.Signature is { } s)
        {
            right.Append(Para(s.Authority.ToUpper(VnFormat.Culture), BodySize, bold: true, align: JustificationValues.Center));
            right.Append(Para(s.Position.ToUpper(VnFormat.Culture), BodySize, bold: true, align: JustificationValues.Center));
            for (var i = 0; i < 4; i++) right.Append(Para("", BodySize));
            right.Append(Para(string.IsNullOrWhiteSpace(s.Name) ? Dots : s.Name!, BodySize, bold: true, align: JustificationValues.Center));
        }
        else right.Append(Para("", BodySize));
        return Borderless(new TableRow(left, right));
    }

    private static Table Table(DocTable t)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        var widths = t.WidthsPercent ?? Enumerable.Repeat(100 / Math.Max(1, t.Headers.Count), t.Headers.Count).ToList();
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = (w * 9000 / 100).ToString(CultureInfo.InvariantCulture) })));
        table.Append(new TableRow(t.Headers.Select((h, i) => new TableCell(CellWidth(widths[i]), Para(h, 13, bold: true, align: JustificationValues.Center)))));
        foreach (var row in t.Rows)
            table.Append(new TableRow(row.Select((c, i) => new TableCell(CellWidth(widths[Math.Min(i, widths.Count - 1)]), Para(c, 13)))));
        return table;
    }

    private static Table Borderless(TableRow row) => new(
        new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
        new TableGrid(new GridColumn { Width = "4050" }, new GridColumn { Width = "4950" }),
        row);

    private static TableCellProperties CellWidth(int percent) =>
        new(new TableCellWidth { Width = (percent * 50).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct });

    /// <summary>One paragraph in Times New Roman of the given size (points).</summary>
    private static Paragraph Para(string text, int size, bool bold = false, bool italic = false, bool underline = false, bool indent = false,
        JustificationValues? align = null)
    {
        var properties = new ParagraphProperties();
        properties.Append(new SpacingBetweenLines { Before = "0", After = indent ? "120" : "0", Line = indent ? "300" : "240", LineRule = LineSpacingRuleValues.Auto });
        if (indent) properties.Append(new Indentation { FirstLine = "567" }); // 1 cm
        if (align is { } a) properties.Append(new Justification { Val = a });
        var run = new Run();
        var runProperties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold) runProperties.Append(new Bold());
        if (italic) runProperties.Append(new Italic());
        runProperties.Append(new FontSize { Val = (size * 2).ToString(CultureInfo.InvariantCulture) });
        if (underline) runProperties.Append(new Underline { Val = UnderlineValues.Single });
        run.Append(runProperties);
        run.Append(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = (BodySize * 2).ToString(CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0" }))));
        styles.Styles.Save();
    }

    private static string Clean(string text) => text.Any(c => char.IsControl(c)) ? new string(text.Where(c => !char.IsControl(c)).ToArray()) : text;
}
