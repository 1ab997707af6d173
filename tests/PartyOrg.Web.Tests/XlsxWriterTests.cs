using System.Diagnostics;
using PartyOrg.Web.Features.Shared.Exports;

namespace PartyOrg.Web.Tests;

/// <summary>The workbook writer on its own: formats, totals, sheet names, and a 200.000-row list in bounded memory.</summary>
public class XlsxWriterTests
{
    private static readonly XlsxColumn[] Columns =
        [new("STT", XlsxKind.Integer, 7), new("Họ và tên", Width: 30), new("Ngày sinh", XlsxKind.Date, 13), new("Số", XlsxKind.Integer, 10, Total: true), new("Tỷ lệ", XlsxKind.Percent)];

    [Fact]
    public async Task Workbook_HasTitleHeaderFormatsAndTotals_OneSheetPerSection()
    {
        using var stream = new MemoryStream();
        await XlsxWorkbook.WriteAsync(stream, new("ĐẢNG BỘ TỈNH TÂY NINH", new DateOnly(2025, 12, 31)),
        [
            XlsxSheet.Of("Kết nạp: năm/2025", "KẾT NẠP", Columns, [[1, "Nguyễn Văn A", new DateOnly(2024, 1, 12), 1642, 105.93m], [2, "Trần Thị B", null, 8, null]]),
            XlsxSheet.Of("Kết nạp: năm/2025", "LẦN HAI", Columns, [], totals: false, notes: ["Chưa có số liệu."]),
        ]);

        var sheets = ExportTests.ReadWorkbook(stream.ToArray());
        Assert.Equal(["Kết nạp năm2025", "Kết nạp năm2025 (2)"], sheets.Select(s => s.Name));
        var s = sheets[0];
        Assert.Equal("ĐẢNG BỘ TỈNH TÂY NINH", s.Text("A1"));
        Assert.Equal("KẾT NẠP", s.Text("A2"));
        Assert.Equal("Ngày 31/12/2025", s.Text("A3"));
        Assert.Equal("Họ và tên", s.Text("B4"));
        Assert.Equal("A5", s.FrozenAt);
        Assert.Equal(45303, s.Number("C5")); // 12/01/2024
        Assert.Equal("dd/mm/yyyy", s.Format("C5"));
        Assert.Equal(1642, s.Number("D5"));
        Assert.Equal("#,##0", s.Format("D5"));
        Assert.Equal(1.0593m, s.Number("E5"));
        Assert.Equal("0.00%", s.Format("E5"));
        Assert.False(s.Cells.ContainsKey("C6"));
        Assert.Equal(2, s.DataRows());
        Assert.Equal("Tổng cộng: 2", s.Text("A7"));
        Assert.Equal(1650, s.Number("D7"));
        Assert.Equal("SUM(D5:D6)", s.Cells["D7"].CellFormula!.Text);
        Assert.Equal("Chưa có số liệu.", sheets[1].Text("A5"));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(stream.ToArray()), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>The rows, measuring the live heap (after a full collection) every 25.000 rows while the writer works.</summary>
    private static async IAsyncEnumerable<object?[]> Rows(int count, List<long> live)
    {
        var born = new DateOnly(1960, 1, 1);
        for (var i = 1; i <= count; i++)
        {
            yield return [i, $"Nguyễn Văn Thành Công {i}", born.AddDays(i % 15000), i % 100, null];
            if (i % 25000 == 0)
            {
                live.Add(GC.GetTotalMemory(true));
                await Task.Yield();
            }
        }
    }

    [Fact]
    public async Task Workbook_Of200000Rows_IsWrittenInBoundedMemory()
    {
        var path = Path.GetTempFileName();
        try
        {
            var live = new List<long>();
            await using (var file = File.Create(path))
            {
                var baseline = GC.GetTotalMemory(true);
                await XlsxWorkbook.WriteAsync(file, new("ĐẢNG BỘ TỈNH TÂY NINH", new DateOnly(2025, 12, 31)), [new XlsxSheet("Đảng viên", "DANH SÁCH", Columns, Rows(200_000, live))]);
                // The rows pass through: the live heap stays flat from the first sample to the last (a buffered sheet would
                // hold the whole XML, well over 60 MB, and grow with every row).
                Assert.Equal(8, live.Count);
                Assert.True(live.Max() - baseline < 16L * 1024 * 1024, $"live heap grew by {(live.Max() - baseline) / 1024 / 1024} MB");
                Assert.True(live[^1] - live[0] < 4L * 1024 * 1024, $"live heap grew by {(live[^1] - live[0]) / 1024} KB between 25.000 and 200.000 rows");
            }
            using var read = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
            var part = read.WorkbookPart!.WorksheetParts.Single();
            using var reader = DocumentFormat.OpenXml.OpenXmlReader.Create(part);
            var rows = 0;
            while (reader.Read()) if (reader.ElementType == typeof(DocumentFormat.OpenXml.Spreadsheet.Row) && reader.IsStartElement) rows++;
            Assert.Equal(4 + 200_000 + 1, rows);
        }
        finally { File.Delete(path); }
    }
}
