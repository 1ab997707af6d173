using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PartyOrg.Domain.Common;

namespace PartyOrg.Web.Features.Statistics;

/// <summary>
/// A form template filled with the figures of a report, as an .xlsx workbook: the committee's name and the date at the top, the
/// template's version and note, a header row frozen below them, one sheet per template sheet, counts and percentages in
/// Vietnamese number formats (the format codes carry the vi-VN locale, [$-42A]), and sum rows as formulas with their value.
/// </summary>
public static class FormWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The first row of the table's header; the rows above it are the heading.</summary>
    public const int HeaderRow = 6;

    private const uint Plain = 0, Bold = 1, Count = 2, Percent = 3, BoldCount = 4, BoldPercent = 5, Title = 6, Header = 7, Wrap = 8;

    public static byte[] Render(FormTemplate template, StatisticsReport report)
    {
        var figures = FormTemplates.Figures(report);
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheets = book.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var sheet in template.Sheets)
            {
                var part = book.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(template, sheet, report, figures);
                sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = sheetId++, Name = SheetName(sheet.Name) });
            }
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Worksheet Sheet(FormTemplate template, FormSheet sheet, StatisticsReport report, IReadOnlyList<Figure> figures)
    {
        var data = new SheetData();
        var lastColumn = Column(2 + sheet.Columns.Count);
        Text(data, 1, "A", report.Organization.Name.ToUpper(VnFormat.Culture), Bold);
        Text(data, 2, "A", template.Title.ToUpper(VnFormat.Culture), Title);
        // A form of ratings says which year was rated: the date reads the year before until one of its own year is decided.
        var rated = sheet.Rows.Any(r => r.Measure is { } m && StatisticsQueries.IsRatingMeasure(m)) ? $"; xếp loại chất lượng năm {report.Ratings.Year}" : "";
        Text(data, 3, "A", $"Tính đến ngày {VnFormat.Date(report.Date)}{rated}", Plain);
        Text(data, 4, "A", $"Mẫu {template.Id}, phiên bản {template.Version}. {template.Note}", Wrap);
        var header = Row(data, HeaderRow);
        Add(header, Cell("A", HeaderRow, "STT", Header));
        Add(header, Cell("B", HeaderRow, "Chỉ tiêu", Header));
        for (var c = 0; c < sheet.Columns.Count; c++) Add(header, Cell(Column(3 + c), HeaderRow, sheet.Columns[c].Header, Header));

        var r = HeaderRow + 1;
        var number = 0;
        foreach (var row in sheet.Rows)
        {
            if (row.Heading is not null)
            {
                Text(data, r++, "B", row.Heading, Bold);
                continue;
            }
            var rowFigures = row.Each
                ? figures.Where(f => f.Measure == row.Measure).ToList()
                : figures.Where(f => f.Measure == row.Measure && f.Value == row.Value).Take(1).ToList();
            var first = r;
            foreach (var f in rowFigures)
            {
                var line = Row(data, r);
                Add(line, Number("A", r, ++number, Plain));
                Add(line, Cell("B", r, row.Each ? f.Label : row.Label ?? f.Label, row.Total ? Bold : Plain));
                for (var c = 0; c < sheet.Columns.Count; c++)
                {
                    var value = sheet.Columns[c].Source == "count" ? f.Count : f.Percent;
                    var style = sheet.Columns[c].Source == "count" ? (row.Total ? BoldCount : Count) : (row.Total ? BoldPercent : Percent);
                    if (value is { } v) Add(line, Number(Column(3 + c), r, v, style));
                }
                r++;
            }
            if (row.Each && row.Sum && rowFigures.Count > 0)
            {
                var line = Row(data, r);
                Add(line, Cell("B", r, "Cộng", Bold));
                for (var c = 0; c < sheet.Columns.Count; c++)
                {
                    if (sheet.Columns[c].Source != "count") continue;
                    var col = Column(3 + c);
                    Add(line, new Cell
                    {
                        CellReference = $"{col}{r}", StyleIndex = BoldCount,
                        CellFormula = new CellFormula($"SUM({col}{first}:{col}{r - 1})"),
                        CellValue = new CellValue(rowFigures.Sum(f => f.Count)),
                    });
                }
                r++;
            }
        }

        var worksheet = new Worksheet();
        // Frozen below the header row: the heading and the column titles stay in view.
        worksheet.Append(new SheetViews(new SheetView(
            new Pane { VerticalSplit = HeaderRow, TopLeftCell = $"A{HeaderRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }));
        worksheet.Append(new Columns(
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 1, Max = 1, Width = 6, CustomWidth = true },
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 2, Max = 2, Width = 60, CustomWidth = true },
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 3, Max = (uint)(2 + sheet.Columns.Count), Width = 16, CustomWidth = true }));
        worksheet.Append(data);
        worksheet.Append(new MergeCells(new MergeCell { Reference = $"A4:{lastColumn}4" }));
        return worksheet;
    }

    private static string Column(int index) => ((char)('A' + index - 1)).ToString();

    private static Row Row(SheetData data, int r)
    {
        var row = new Row { RowIndex = (uint)r };
        data.Append(row);
        return row;
    }

    private static void Add(Row row, Cell cell) => row.Append(cell);

    private static void Text(SheetData data, int r, string column, string text, uint style) => Add(Row(data, r), Cell(column, r, text, style));

    private static Cell Cell(string column, int r, string text, uint style) =>
        new() { CellReference = $"{column}{r}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = style };

    private static Cell Number(string column, int r, decimal value, uint style) =>
        new() { CellReference = $"{column}{r}", CellValue = new CellValue(value), DataType = CellValues.Number, StyleIndex = style };

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "[$-42A]#,##0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "[$-42A]0.00" }) { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Times New Roman" })) { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 },
        new CellFormats(
            new CellFormat(),                                                                                  // Plain
            new CellFormat { FontId = 1, ApplyFont = true },                                                    // Bold
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },                                  // Count
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },                                  // Percent
            new CellFormat { NumberFormatId = 164, FontId = 1, ApplyNumberFormat = true, ApplyFont = true },    // BoldCount
            new CellFormat { NumberFormatId = 165, FontId = 1, ApplyNumberFormat = true, ApplyFont = true },    // BoldPercent
            new CellFormat { FontId = 2, ApplyFont = true },                                                    // Title
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },      // Header
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) // Wrap
        { Count = 9 });
}
