using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using PartyOrg.Web.Hosting;

namespace PartyOrg.Web.Tests;

/// <summary>The OpenAPI document is a usable contract: a real generator makes a client from it that compiles and calls the API.</summary>
public class OpenApiClientTests(WebAppFixture app)
{
    [Fact]
    public async Task EveryOperation_HasAnIdASummaryATypedAnswerAndProblemAnswers()
    {
        var json = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        var document = await OpenApiDocument.FromJsonAsync(json);

        Assert.Empty(ApiDocs.Undocumented);
        Assert.True(document.Components.SecuritySchemes.ContainsKey(ApiDocs.BearerScheme));
        var operations = document.Operations.ToList();
        Assert.True(operations.Count >= 40, $"{operations.Count} operations");
        foreach (var op in operations)
        {
            var name = $"{op.Method.ToUpperInvariant()} {op.Path}";
            Assert.False(string.IsNullOrWhiteSpace(op.Operation.OperationId), name);
            Assert.False(string.IsNullOrWhiteSpace(op.Operation.Summary), name);
            var success = op.Operation.Responses.Where(r => r.Key.StartsWith('2')).ToList();
            Assert.True(success.Count > 0, name);
            Assert.True(success.Any(r => r.Key == "204" || r.Value.Schema is not null), $"{name}: success answer without a schema");
            foreach (var status in new[] { "400", "401", "403", "404", "500", "503" })
                Assert.True(op.Operation.Responses.ContainsKey(status), $"{name}: no {status}");
            var anonymous = op.Path.StartsWith("/api/v1/auth/", StringComparison.Ordinal);
            var bearer = op.Operation.ActualSecurity?.Any(r => r.ContainsKey(ApiDocs.BearerScheme)) == true;
            Assert.True(bearer != anonymous, $"{name}: bearer {bearer}");
        }
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.OperationId).Distinct().Count());
        // Enums travel as their names.
        Assert.Contains("\"Probationary\"", json);
    }

    [Fact]
    public async Task GeneratedClient_CompilesAndCallsTheApi()
    {
        var json = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        var document = await OpenApiDocument.FromJsonAsync(json);
        var code = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings
        {
            ClassName = "PartyOrgClient",
            CSharpGeneratorSettings = { Namespace = "Generated.PartyOrg", JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson },
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
        }).GenerateFile();

        var assembly = Compile(code);
        var clientType = assembly.GetType("Generated.PartyOrg.PartyOrgClient")!;
        var http = await app.ApiAsAsync("tochuc");
        var client = Activator.CreateInstance(clientType, http)!;

        var root = await InvokeAsync(client, "GetRootOrganizationAsync");
        Assert.Equal("Đảng bộ tỉnh Tây Ninh", root!.GetType().GetProperty("Name")!.GetValue(root));
        var rootId = (int)root.GetType().GetProperty("Id")!.GetValue(root)!;
        var page = await InvokeAsync(client, "ListMembersAsync", new() { ["org"] = rootId, ["q"] = "nguyen" });
        var items = (System.Collections.IEnumerable)page!.GetType().GetProperty("Items")!.GetValue(page)!;
        Assert.NotEmpty(items.Cast<object>());
        Assert.True((int)page.GetType().GetProperty("Total")!.GetValue(page)! > 0);

        // A 404 arrives as the generator's exception carrying the status.
        var missing = await Assert.ThrowsAnyAsync<Exception>(() => InvokeAsync(client, "GetMemberAsync", new() { ["id"] = 999_999_999 }));
        Assert.Equal(404, (int)missing.GetType().GetProperty("StatusCode")!.GetValue(missing)!);
    }

    /// <summary>Calls a generated method by name, passing the named arguments and nothing for the rest.</summary>
    private static async Task<object?> InvokeAsync(object client, string method, Dictionary<string, object?>? values = null)
    {
        var candidates = client.GetType().GetMethods().Where(m => m.Name == method).ToList();
        var info = candidates.OrderByDescending(m => m.GetParameters().Length).First(m => m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken));
        values ??= [];
        var arguments = info.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : values.GetValueOrDefault(p.Name!)).ToArray();
        var task = (Task)info.Invoke(client, arguments)!;
        try { await task; }
        catch (TargetInvocationException e) { throw e.InnerException!; }
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    private static Assembly Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("GeneratedClient", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        return Assembly.Load(stream.ToArray());
    }
}
