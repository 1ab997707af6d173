namespace PartyOrg.Web.Hosting;

/// <summary>
/// Headers every answer carries: no inline script, no framing, no sniffing, no referrer leaks; answers built per request
/// (pages and API, which carry personal data) are never stored by a browser or a proxy.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.Remove("Server");
            // Static files (css, fonts) may be cached; everything built per request may hold personal data.
            if (!IsStaticFile(http.Request.Path)) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next(http);
    });

    private static bool IsStaticFile(PathString path) =>
        path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/favicon.ico");
}
