using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using PartyOrg.Domain.Common;

namespace PartyOrg.Web.Features.Shared.Exports;

/// <summary>What a column holds, which decides the cell's type and its vi-VN number format.</summary>
public enum XlsxKind
{
    /// <summary>Text (an inline string).</summary>
    Text,
    /// <summary>A whole number, shown "#,##0" (1.642 in a Vietnamese Excel).</summary>
    Integer,
    /// <summary>A number with two decimals ("#,##0.00").</summary>
    Decimal,
    /// <summary>A percentage given as the percent value already rounded by <see cref="PercentRounding"/> (105.93), stored as 1.0593 with "0.00%".</summary>
    Percent,
    /// <summary>A <see cref="DateOnly"/>, stored as a serial date with the format dd/mm/yyyy.</summary>
    Date,
}

/// <summary>A column: header, kind, width in characters, and whether the totals row sums it.</summary>
public sealed record XlsxColumn(string Header, XlsxKind Kind = XlsxKind.Text, double Width = 16, bool Total = false);

/// <summary>
/// One sheet: its (Vietnamese) tab name, the title printed above the header, the columns and the rows in order. Rows are read
/// once, as they come (an <see cref="IAsyncEnumerable{T}"/> straight from the database keeps a long list out of memory); a cell
/// is null, a string, a number (int, long, decimal, double) or a DateOnly matching its column's kind. <paramref name="Totals"/>
/// adds a last row "Tổng cộng" with the number of rows and the sum of every column marked <see cref="XlsxColumn.Total"/>.
/// <paramref name="Notes"/> are lines printed under the table (the rounding setting, the filters).
/// </summary>
public sealed record XlsxSheet(string Name, string Title, IReadOnlyList<XlsxColumn> Columns, IAsyncEnumerable<object?[]> Rows,
    bool Totals = true, IReadOnlyList<string>? Notes = null)
{
    /// <summary>A sheet of rows already in memory (short lists, report sections).</summary>
    public static XlsxSheet Of(string name, string title, IReadOnlyList<XlsxColumn> columns, IEnumerable<object?[]> rows,
        bool totals = true, IReadOnlyList<string>? notes = null) => new(name, title, columns, rows.ToAsyncEnumerable(), totals, notes);
}

/// <summary>
/// Writes an .xlsx workbook with the OpenXML SDK's streaming writer (<see cref="OpenXmlWriter"/>) into a streaming zip, so
/// rows go to the output as they are read and a 200.000-row list stays within bounded memory. Every sheet has: row 1 the
/// committee's name, row 2 the title, row 3 the date ("Ngày dd/mm/yyyy"), row 4 the header (frozen, so it stays on screen),
/// then the rows, then "Tổng cộng" when asked. Numbers and dates are real cell values with number formats (#,##0; 0.00%;
/// dd/mm/yyyy), which a Vietnamese Excel or LibreOffice shows as 1.642; 105,93%; 12/01/2024. Font Times New Roman.
/// Usage: <c>await XlsxWorkbook.WriteAsync(stream, new("ĐẢNG BỘ TỈNH TÂY NINH", today), [sheet1, sheet2])</c>, or
/// <see cref="Exports.Xlsx"/> for an HTTP answer.
/// </summary>
public static class XlsxWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int HeaderRow = 4;

    private const uint StyleTitle = 1, StyleHeader = 2, StyleText = 3, StyleInteger = 4, StyleDecimal = 5, StylePercent = 6, StyleDate = 7,
        StyleTotalLabel = 8, StyleTotalInteger = 9, StyleTotalDecimal = 10, StyleCommittee = 11, StyleNote = 12;

    /// <summary>The heading of every sheet: the committee's name and the date the list is as of.</summary>
    public sealed record Heading(string Committee, DateOnly Date);

    public static async Task WriteAsync(Stream output, Heading heading, IReadOnlyList<XlsxSheet> sheets, CancellationToken cancel = default)
    {
        if (sheets.Count == 0) throw new ArgumentException("A workbook needs a sheet.", nameof(sheets));
        // The package is written as a streaming zip (create mode: each part compressed straight into the output, nothing kept
        // in memory), its parts generated with the SDK's elements and OpenXmlWriter. The SDK's own package API buffers every part
        // until it is saved, and refuses a write-only package, so the few fixed parts are laid out here.
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = sheets.Select(s => UniqueName(SheetName(s.Name), used)).ToList();

        await WriteTextAsync(zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
            + "</Types>");
        await WriteTextAsync(zip, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + $"<Relationships xmlns=\"{RelationshipsNs}\"><Relationship Id=\"rId1\" Type=\"{OfficeRelNs}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        await WriteTextAsync(zip, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + $"<Relationships xmlns=\"{RelationshipsNs}\">"
            + string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"{OfficeRelNs}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))
            + $"<Relationship Id=\"rIdStyles\" Type=\"{OfficeRelNs}/styles\" Target=\"styles.xml\"/></Relationships>");

        var workbook = new Workbook(new Sheets(names.Select((name, i) => new Sheet { Name = name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" })));
        workbook.AddNamespaceDeclaration("r", OfficeRelNs);
        WriteElement(zip, "xl/workbook.xml", workbook);
        WriteElement(zip, "xl/styles.xml", Stylesheet());

        for (var i = 0; i < sheets.Count; i++)
        {
            var entry = zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", CompressionLevel.Fastest);
            await using var stream = entry.Open();
            await WriteSheetAsync(stream, heading, sheets[i], cancel);
        }
    }

    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text)
    {
        await using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        await stream.WriteAsync(bytes);
    }

    private static void WriteElement(ZipArchive zip, string name, OpenXmlElement element)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream, System.Text.Encoding.UTF8);
        writer.WriteStartDocument(true);
        writer.WriteElement(element);
    }

    private static async Task WriteSheetAsync(Stream part, Heading heading, XlsxSheet sheet, CancellationToken cancel)
    {
        var columns = sheet.Columns;
        var lastColumn = ColumnName(columns.Count);
        using var writer = OpenXmlWriter.Create(part, System.Text.Encoding.UTF8);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());

        // The header row stays on screen: a pane frozen under row 4.
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0, TabSelected = false });
        writer.WriteElement(new Pane
        {
            VerticalSplit = HeaderRow, TopLeftCell = $"A{HeaderRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        });
        writer.WriteEndElement();
        writer.WriteEndElement();

        writer.WriteStartElement(new Columns());
        for (var i = 0; i < columns.Count; i++)
            writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = columns[i].Width, CustomWidth = true });
        writer.WriteEndElement();

        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, [Text(1, 1, heading.Committee, StyleCommittee)]);
        WriteRow(writer, 2, [Text(1, 2, sheet.Title, StyleTitle)]);
        WriteRow(writer, 3, [Text(1, 3, "Ngày " + VnFormat.Date(heading.Date), StyleNote)]);
        WriteRow(writer, HeaderRow, columns.Select((c, i) => Text(i + 1, HeaderRow, c.Header, StyleHeader)).ToList());

        var sums = new decimal[columns.Count];
        var rowIndex = (uint)HeaderRow;
        await foreach (var values in sheet.Rows.WithCancellation(cancel))
        {
            rowIndex++;
            var cells = new List<Cell>(columns.Count);
            for (var i = 0; i < columns.Count && i < values.Length; i++)
            {
                if (values[i] is not { } value) continue;
                cells.Add(ValueCell(i + 1, rowIndex, columns[i].Kind, value));
                if (columns[i].Total && Numeric(value) is { } n) sums[i] += n;
            }
            WriteRow(writer, rowIndex, cells);
        }
        var count = rowIndex - HeaderRow;
        if (sheet.Totals && columns.Count > 0)
        {
            var totalRow = rowIndex + 1;
            var cells = new List<Cell> { Text(1, totalRow, $"Tổng cộng: {VnFormat.Number(count)}", StyleTotalLabel) };
            for (var i = 1; i < columns.Count; i++)
            {
                if (!columns[i].Total) continue;
                var reference = $"{ColumnName(i + 1)}{totalRow}";
                var range = $"{ColumnName(i + 1)}{HeaderRow + 1}:{ColumnName(i + 1)}{Math.Max(rowIndex, HeaderRow + 1)}";
                cells.Add(new Cell
                {
                    CellReference = reference,
                    StyleIndex = columns[i].Kind == XlsxKind.Integer ? StyleTotalInteger : StyleTotalDecimal,
                    CellFormula = new CellFormula($"SUM({range})"),
                    CellValue = new CellValue(sums[i].ToString(CultureInfo.InvariantCulture)),
                });
            }
            WriteRow(writer, totalRow, cells);
            rowIndex = totalRow;
        }
        foreach (var note in sheet.Notes ?? [])
        {
            rowIndex++;
            WriteRow(writer, rowIndex, [Text(1, rowIndex, note, StyleNote)]);
        }
        writer.WriteEndElement(); // sheetData

        if (columns.Count > 1)
        {
            writer.WriteStartElement(new MergeCells());
            foreach (var row in new[] { 1, 2, 3 })
                writer.WriteElement(new MergeCell { Reference = $"A{row}:{lastColumn}{row}" });
            writer.WriteEndElement();
        }
        writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape }); // 9 = A4
        writer.WriteEndElement(); // worksheet
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IReadOnlyList<Cell> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        foreach (var cell in cells) writer.WriteElement(cell);
        writer.WriteEndElement();
    }

    private static Cell ValueCell(int column, uint row, XlsxKind kind, object value)
    {
        var reference = $"{ColumnName(column)}{row}";
        switch (kind)
        {
            case XlsxKind.Date when value is DateOnly date:
                return new Cell { CellReference = reference, StyleIndex = StyleDate, CellValue = new CellValue(SerialDate(date).ToString(CultureInfo.InvariantCulture)) };
            case XlsxKind.Integer or XlsxKind.Decimal when Numeric(value) is { } number:
                return new Cell { CellReference = reference, StyleIndex = kind == XlsxKind.Integer ? StyleInteger : StyleDecimal, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) };
            case XlsxKind.Percent when Numeric(value) is { } percent:
                return new Cell { CellReference = reference, StyleIndex = StylePercent, CellValue = new CellValue((percent / 100m).ToString(CultureInfo.InvariantCulture)) };
            default:
                return Text(column, row, Convert.ToString(value, VnFormat.Culture) ?? "", StyleText);
        }
    }

    private static Cell Text(int column, uint row, string text, uint style) => new()
    {
        CellReference = $"{ColumnName(column)}{row}",
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static decimal? Numeric(object value) => value switch
    {
        int i => i, long l => l, decimal d => d, double d => (decimal)d, short s => s, _ => null,
    };

    /// <summary>Excel's serial day number (1900 system): 12/01/2024 is 45303.</summary>
    public static int SerialDate(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    /// <summary>A column letter: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ].</summary>
    public static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']') && !char.IsControl(c)).ToArray()).Trim().Trim('\'');
        if (clean.Length == 0) clean = "Trang";
        return clean.Length <= 31 ? clean : clean[..31];
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (name.Length + suffix.Length <= 31 ? name : name[..(31 - suffix.Length)]) + suffix;
        }
        return candidate;
    }

    // XML 1.0 forbids most control characters; the inputs are bounded already, this keeps any stored one from breaking the file.
    private static string Clean(string text) => text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        ? new string(text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray()) : text;

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Times New Roman" }),
            new Font(new Italic(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(
            new Border(),
            new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder()));
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "0.00%" });
        CellFormat Format(uint font, uint fill, uint border, uint numFmt, bool wrap = false, HorizontalAlignmentValues? align = null) => new(
            new Alignment { WrapText = wrap, Horizontal = align, Vertical = VerticalAlignmentValues.Center })
        {
            FontId = font, FillId = fill, BorderId = border, NumberFormatId = numFmt,
            ApplyFont = true, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyNumberFormat = numFmt != 0, ApplyAlignment = true,
        };
        var cellFormats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            Format(2, 0, 0, 0, align: HorizontalAlignmentValues.Center),           // 1 title
            Format(1, 2, 1, 0, wrap: true, align: HorizontalAlignmentValues.Center), // 2 header
            Format(0, 0, 1, 0, wrap: true),                                          // 3 text
            Format(0, 0, 1, 165),                                                    // 4 integer
            Format(0, 0, 1, 166),                                                    // 5 decimal
            Format(0, 0, 1, 167),                                                    // 6 percent
            Format(0, 0, 1, 164, align: HorizontalAlignmentValues.Center),           // 7 date
            Format(1, 0, 1, 0),                                                      // 8 total label
            Format(1, 0, 1, 165),                                                    // 9 total integer
            Format(1, 0, 1, 166),                                                    // 10 total decimal
            Format(1, 0, 0, 0),                                                      // 11 committee
            Format(3, 0, 0, 0));                                                     // 12 note
        return new Stylesheet(formats, fonts, fills, borders, cellFormats);
    }
}
