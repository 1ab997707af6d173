using System.Diagnostics;

namespace PartyOrg.Web.Tests;

/// <summary>
/// The annual report opened by another word processor: LibreOffice (installed by .ci/run) turns the .docx into a PDF, whose
/// text and page size are read back with poppler's tools, and whose first page is kept as a PNG to be looked at.
/// </summary>
public class ReportPdfTests(WebAppFixture app)
{
    [Fact]
    public async Task AnnualReport_Docx_OpensInLibreOffice_AsAnA4PartyDocument()
    {
        var client = await app.ApiAsAsync("tochuc");
        var docx = await client.GetByteArrayAsync("/api/v1/reports/annual?year=2025&format=docx");
        var folder = Directory.CreateTempSubdirectory("partyorg-report-");
        try
        {
            var source = Path.Combine(folder.FullName, "bao-cao-nam-2025.docx");
            await File.WriteAllBytesAsync(source, docx);
            // A profile of its own, so that parallel runs (SQLite and PostgreSQL) do not share LibreOffice's lock.
            var profile = new Uri(Path.Combine(folder.FullName, "profile")).AbsoluteUri;
            await RunAsync("soffice", $"-env:UserInstallation={profile} --headless --convert-to pdf --outdir {folder.FullName} {source}");
            var pdf = Path.ChangeExtension(source, ".pdf");
            Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");

            var text = await RunAsync("pdftotext", $"-layout {pdf} -");
            Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
            Assert.Contains("ĐẢNG BỘ TỈNH TÂY NINH", text);
            Assert.Contains("BÁO CÁO", text);
            Assert.Contains("T/M BAN THƯỜNG VỤ", text);
            Assert.Contains("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", text);
            var info = await RunAsync("pdfinfo", pdf);
            Assert.Matches(@"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info);

            var shots = Path.Combine(AppContext.BaseDirectory, "report-pages");
            Directory.CreateDirectory(shots);
            await RunAsync("pdftoppm", $"-png -r 70 -f 1 -l 2 {pdf} {Path.Combine(shots, $"bao-cao-nam-2025-{app.Provider}")}");
            Assert.NotEmpty(Directory.GetFiles(shots, $"bao-cao-nam-2025-{app.Provider}*.png"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {arguments}: exit {process.ExitCode}: {await error}");
        return await output;
    }
}
