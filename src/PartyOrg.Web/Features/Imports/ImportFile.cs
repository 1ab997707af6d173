using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Reference;
using PartyOrg.Web.Features.Shared.Exports;

namespace PartyOrg.Web.Features.Imports;

/// <summary>A data row of an import file: its number in the file (the header is row 1 of a CSV; an .xlsx row keeps its sheet number) and its cells by format column.</summary>
public sealed record ImportRow(int Number, string?[] Values, bool[] Numeric)
{
    public string? this[int column] => Values[column];
}

/// <summary>A file that cannot be read as a whole (a damaged or abnormal workbook): the job is refused with this message.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>
/// Reads an import file as it streams: CSV (UTF-8 with or without BOM, RFC 4180) or .xlsx (the first sheet; rows above the
/// header, like the heading of the template, are skipped). The header is matched to the format's columns by their Vietnamese
/// header (with or without "(*)", with or without diacritics) or their key; a missing required column, an unknown or a repeated
/// one is an error of row 1 and no row is read.
/// </summary>
public sealed class ImportFile(string path, IReadOnlyList<ImportColumn> columns, IReadOnlySet<string> ignoredHeaders)
{
    /// <summary>How many rows above the header may hold a title (the .xlsx template has three).</summary>
    private const int TitleRows = 10;

    /// <summary>The rows of a sheet Excel can hold.</summary>
    private const int MaxSheetRows = 1_048_576;

    /// <summary>The format's columns the header names (by index); a column left out is "not given", not "empty".</summary>
    public IReadOnlySet<int> Present { get; private set; } = new HashSet<int>();

    public static bool IsXlsx(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return file.Read(head) == 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;
    }

    /// <summary>The header problems (as errors of its row) and the data rows; the rows are empty when the header is wrong.</summary>
    public (List<ImportProblem> HeaderErrors, IEnumerable<ImportRow> Rows) Open()
    {
        var raw = IsXlsx(path) ? XlsxRows() : CsvRows();
        Present = new HashSet<int>();
        var errors = new List<ImportProblem>();
        using var enumerator = raw.GetEnumerator();
        int[]? map = null;
        var headerRow = 1;
        for (var i = 0; i < TitleRows && enumerator.MoveNext(); i++)
        {
            var (number, cells) = enumerator.Current;
            if (!cells.Any(c => Matches(c.Text, columns[0]))) continue;
            headerRow = number;
            map = MapHeader(number, cells.Select(c => c.Text).ToList(), errors);
            Present = map.Where(i => i >= 0).ToHashSet();
            break;
        }
        if (map is null)
        {
            errors.Add(new(headerRow, "", $"Không tìm thấy dòng tiêu đề: dòng đầu của tệp phải là tên các cột như trong mẫu nhập (bắt đầu bằng \"{ImportFormats.HeaderOf(columns[0])}\")."));
            return (errors, []);
        }
        if (errors.Count > 0) return (errors, []);
        return (errors, DataRows(raw, headerRow, map, columns.Count));
    }

    /// <summary>The number of data rows, for the progress bar (one quick pass).</summary>
    public int CountRows()
    {
        var (errors, rows) = Open();
        return errors.Count > 0 ? 0 : rows.Count();
    }

    private static IEnumerable<ImportRow> DataRows(IEnumerable<(int Number, List<(string Text, bool Numeric)> Cells)> raw, int headerRow, int[] map, int width)
    {
        foreach (var (number, cells) in raw)
        {
            if (number <= headerRow || cells.All(c => string.IsNullOrWhiteSpace(c.Text))) continue;
            var values = new string?[width];
            var numeric = new bool[width];
            for (var i = 0; i < cells.Count && i < map.Length; i++)
                if (map[i] >= 0 && !string.IsNullOrWhiteSpace(cells[i].Text))
                    (values[map[i]], numeric[map[i]]) = (cells[i].Text.Trim().Normalize(NormalizationForm.FormC), cells[i].Numeric);
            yield return new ImportRow(number, values, numeric);
        }
    }

    /// <summary>For each cell of the header, the format column it names (-1: a read-only column of an export, skipped).</summary>
    private int[] MapHeader(int row, List<string> cells, List<ImportProblem> errors)
    {
        var map = new int[cells.Count];
        var seen = new HashSet<int>();
        for (var i = 0; i < cells.Count; i++)
        {
            map[i] = -1;
            var text = cells[i].Trim();
            if (text.Length == 0 || ignoredHeaders.Any(h => Fold(h) == Fold(text))) continue;
            var index = columns.ToList().FindIndex(c => Matches(text, c));
            if (index < 0)
                errors.Add(new(row, text, $"Cột \"{Cut(text)}\" (cột {XlsxWorkbook.ColumnName(i + 1)}) không có trong mẫu nhập; sửa tên cột theo mẫu hoặc xóa cột."));
            else if (!seen.Add(index))
                errors.Add(new(row, columns[index].Header, $"Cột \"{columns[index].Header}\" có hai lần (cột {XlsxWorkbook.ColumnName(i + 1)})."));
            else map[i] = index;
        }
        foreach (var (column, index) in columns.Select((c, i) => (c, i)).Where(c => c.c.Required && !seen.Contains(c.i)))
            errors.Add(new(row, column.Header, $"Thiếu cột bắt buộc \"{column.Header}\"."));
        return map;
    }

    private static bool Matches(string text, ImportColumn column)
    {
        var folded = Fold(text);
        return folded == Fold(column.Header) || folded == Fold(column.Key);
    }

    private static string Fold(string text) => VnText.Fold(text.Replace("(*)", "", StringComparison.Ordinal));

    private static string Cut(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private IEnumerable<(int Number, List<(string Text, bool Numeric)> Cells)> CsvRows()
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var number = 0;
        foreach (var record in Csv.Records(reader)) yield return (++number, record.Select(f => (f, false)).ToList());
    }

    /// <summary>
    /// A workbook whose sheet would unpack to far more than its compressed size (a "zip bomb"), or to more than any sheet of
    /// Excel holds, is refused before it is read.
    /// </summary>
    private void CheckWorkbookSize()
    {
        using var zip = new System.IO.Compression.ZipArchive(File.OpenRead(path), System.IO.Compression.ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
            if (entry.Length > (4L << 30) || (entry.Length > (64L << 20) && entry.Length > 100 * Math.Max(1, entry.CompressedLength)))
                throw new ImportFileException($"Tệp Excel bất thường: phần \"{entry.FullName}\" giải nén ra {entry.Length / 1048576} MB từ {entry.CompressedLength / 1024} KB. Hãy lưu lại bảng tính bằng Excel hoặc LibreOffice, hoặc gửi tệp CSV.");
    }

    /// <summary>The rows of the first sheet, read with the SDK's forward-only reader: one row in memory at a time.</summary>
    private IEnumerable<(int Number, List<(string Text, bool Numeric)> Cells)> XlsxRows()
    {
        CheckWorkbookSize();
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException();
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException();
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
        var shared = SharedStrings(workbook);
        using var reader = OpenXmlReader.Create(sheet);
        var number = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var next = row.RowIndex?.Value is { } index ? (long)index : number + 1L;
            if (next <= number || next > MaxSheetRows)
                throw new ImportFileException($"Tệp Excel hỏng: sau dòng {number} là dòng số {next}. Hãy lưu lại bảng tính bằng Excel hoặc LibreOffice, hoặc gửi tệp CSV.");
            number = (int)next;
            var cells = new List<(string, bool)>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                if (column < cells.Count || column > 16_384) continue;
                while (cells.Count < column) cells.Add(("", false));
                cells.Add((CellText(cell, shared), cell.DataType is null || cell.DataType.Value == CellValues.Number));
            }
            yield return (number, cells);
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var list = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return list;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                list.Add(((SharedStringItem)reader.LoadCurrentElement()!).InnerText);
        return list;
    }

    /// <summary>A cell as text; a number in a date column arrives as a serial date and is read as dd/mm/yyyy by <see cref="ImportValues"/>.</summary>
    private static string CellText(Cell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        // A date cell written as ISO text (t="d"): its day is enough.
        if (cell.DataType?.Value == CellValues.Date) return value.Length >= 10 ? value[..10] : value;
        return value;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter).Take(4)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}

/// <summary>One reason a row (or the header, row 1) cannot be imported.</summary>
public sealed record ImportProblem(int Row, string Column, string Message);
