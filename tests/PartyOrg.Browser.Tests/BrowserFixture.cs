using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Tests.Shared;

[assembly: AssemblyFixture(typeof(PartyOrg.Browser.Tests.BrowserFixture))]
// One test at a time against the one application: with test classes in parallel on two cores, a sign-in on SQLite twice waited
// the 30 s command timeout behind another test's writes (cause not found); the run is deterministic this way.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PartyOrg.Browser.Tests;

/// <summary>The application on a real Kestrel port with the demo province, and Debian's Chromium driven headless.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Password = "Th3-Browser-Password!";
    private TestDatabase database = null!;
    private WebApplicationFactory<Program> factory = null!;
    private IPlaywright playwright = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => factory.Services;

    /// <summary>Where screenshots of each page go, for people to look at.</summary>
    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        factory = TestApp.Create(database, Password);
        // A port of its own, taken explicitly: the default address (port 5000) is shared with any other run on the machine.
        factory.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // Running as root on a closed network: no sandbox, no background traffic.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 860)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        // Signed in once the answer leaves the login page; the landing page's own loading is each test's business.
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException) when (!page.Url.Contains("/Account/Login", StringComparison.Ordinal))
        {
            // Signed in: the page left the login form, but the wait missed that navigation (seen once on a loaded machine, the home
            // page answering in about 100 ms when measured).
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Sign-in of {userName} did not leave {page.Url}: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>Types a name into the picker labelled <paramref name="label"/> and picks the first line showing it, as a clerk does.</summary>
    public static async Task PickByNameAsync(IPage page, string label, string name)
    {
        await page.GetByRole(AriaRole.Searchbox, new() { Name = label }).PressSequentiallyAsync(name);
        var choice = page.Locator(".picker-option", new() { HasTextString = name }).First;
        await Assertions.Expect(choice).ToBeVisibleAsync();
        await choice.ClickAsync();
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
}
