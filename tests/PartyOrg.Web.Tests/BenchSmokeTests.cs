using System.Diagnostics;
using PartyOrg.Tests.Shared;

namespace PartyOrg.Web.Tests;

/// <summary>
/// The benchmarks at a small size, to keep them working (their figures are for the README, measured at scale by hand, never
/// judged here): the query comparison checks that the application and the hand-written SQL give the same answers, the import
/// run that every row was written and that a second run changed nothing.
/// </summary>
public class BenchSmokeTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PartyOrg.slnx"))) return dir.FullName;
        throw new InvalidOperationException("PartyOrg.slnx not found above the test's directory.");
    }

    private static async Task<string> RunAsync(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync();
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        // Built with the solution by the README's test command; built here only when the test project runs alone.
        var built = File.Exists(Path.Combine(root, "bench", "PartyOrg.Bench", "bin", configuration, "net10.0", "PartyOrg.Bench.dll"));
        foreach (var a in new[] { "run", "--project", "bench/PartyOrg.Bench", "-c", configuration })
            info.ArgumentList.Add(a);
        if (built) info.ArgumentList.Add("--no-build");
        foreach (var a in new[] { "--", "--provider", database.Provider, "--connection", database.ConnectionString })
            info.ArgumentList.Add(a);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        Assert.True(process.ExitCode == 0, await output + await errors);
        return await output;
    }

    [Fact]
    public async Task QueryBench_AtASmallSize_GivesTheSameAnswersAsTheHandWrittenSql()
    {
        var output = await RunAsync("--members", "3000");
        Assert.Contains("| Tìm theo số CCCD |", output);
        Assert.Contains("| Đảng viên đến hạn Huy hiệu Đảng toàn tỉnh (dịp tới) |", output);
    }

    [Fact]
    public async Task ImportBench_AtASmallSize_WritesEveryRow_ThenChangesNothing_AndRunsTheDatabasesOwnLoader()
    {
        var output = await RunAsync("--import", "--members", "2000");
        Assert.Contains("| Nhập 2.000 đảng viên mới", output);
        Assert.Contains("| Nhập lại cùng tệp (mọi dòng không đổi) |", output);
        Assert.Contains("| Nạp thô cùng tệp bằng", output);
    }
}
