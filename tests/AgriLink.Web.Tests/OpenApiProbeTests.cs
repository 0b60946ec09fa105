using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Issue 16, "keep probing": every operation the OpenAPI document describes, sent anonymously, with ids no one could have
/// been given, and with bodies that are not what it reads. No answer is a 5xx, and no protected operation answers an
/// anonymous caller with a 2xx. A new route is probed without anyone remembering to add it here.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class OpenApiProbeTests(SeededApp app)
{
    // (%00 is refused by the test server's client before it is sent; Kestrel answers it 400 itself.)
    private static readonly string[] MalformedIds = ["%20", "%20%20", new string('x', 300), "..%2Fx", "%E2%80%AE", "a%09b", "%E2%80%8B"];

    private static readonly (string Name, string Body)[] MalformedBodies =
    [
        ("empty", ""), ("truncated", "{"), ("array", "[1,2]"), ("string", "\"text\""), ("number", "123"), ("nested", "{\"x\":{\"y\":[{}]}"),
    ];

    [Fact]
    public async Task NoOperationAnswersAnonymousCallersWithA5xxOrProtectedDataWithA2xx()
    {
        var failures = new List<string>();
        foreach (var op in await Operations())
        {
            using var response = await Send(app.Anonymous(), op.Method, Fill(op.Path, _ => "probe-nope"), op.HasBody ? "{}" : null);
            var status = (int)response.StatusCode;
            if (status >= 500) failures.Add($"anonymous {op}: {status}");
            else if (op.Protected && status is >= 200 and < 300) failures.Add($"anonymous {op}: {status} on a protected operation");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task NoOperationAnswersAMalformedIdWithA5xx()
    {
        var operatorClient = await app.As("operator");
        var failures = new List<string>();
        foreach (var op in (await Operations()).Where(o => o.Parameters.Count > 0))
        foreach (var parameter in op.Parameters)
        foreach (var bad in MalformedIds)
        {
            var path = Fill(op.Path, p => p == parameter ? bad : Sample(p));
            using var response = await Send(operatorClient, op.Method, path, op.HasBody ? "{}" : null);
            var status = (int)response.StatusCode;
            if (status >= 500) failures.Add($"{op} with {parameter}='{Shorten(bad)}': {status}");
            else if (status is >= 200 and < 300) failures.Add($"{op} with {parameter}='{Shorten(bad)}': {status}, a malformed id was accepted");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task NoOperationAnswersAMalformedBodyWithA5xx()
    {
        var operatorClient = await app.As("operator");
        var failures = new List<string>();
        foreach (var op in (await Operations()).Where(o => o.HasBody))
        foreach (var (name, body) in MalformedBodies)
        {
            // Ids that name nothing, so a body that somehow binds still changes nothing.
            using var response = await Send(operatorClient, op.Method, Fill(op.Path, p => p == "year" ? "2025" : "probe-nope"), body);
            var status = (int)response.StatusCode;
            if (status >= 500) failures.Add($"{op} with a {name} body: {status}");
            else if (status is >= 200 and < 300) failures.Add($"{op} with a {name} body: {status}, a malformed body was accepted");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private sealed record Operation(string Method, string Path, IReadOnlyList<string> Parameters, bool HasBody, bool Protected)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    /// <summary>The document's operations, each marked protected when its endpoint requires a signed-in caller.</summary>
    private async Task<List<Operation>> Operations()
    {
        var document = await app.Anonymous().GetObject("/openapi/v1.json");
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (method is "parameters" or "summary" or "description" or "servers") continue;
            var verb = method.ToUpperInvariant();
            var parameters = Parameter().Matches(path).Select(m => m.Groups["name"].Value).ToList();
            var endpoint = endpoints.FirstOrDefault(e =>
                Normalise(e.RoutePattern.RawText) == Normalise(path)
                && (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains(verb) ?? false));
            var isProtected = endpoint is not null && endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null
                                                   && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            operations.Add(new(verb, path, parameters, operation?["requestBody"] is not null, isProtected));
        }
        Assert.True(operations.Count > 50, $"Only {operations.Count} operations in the OpenAPI document.");
        Assert.Contains(operations, o => o.Protected);
        return operations;
    }

    // Route patterns carry constraints ({year:int:range(…)}); the document's paths do not.
    private static string Normalise(string? pattern) => Constraint().Replace("/" + (pattern ?? "").Trim('/'), "{${name}}");

    private static string Fill(string path, Func<string, string> value) =>
        Parameter().Replace(path, m => value(m.Groups["name"].Value));

    private static string Sample(string parameter) => parameter == "year" ? "2025" : "probe-nope";

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private static async Task<HttpResponseMessage> Send(HttpClient client, string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.SendAsync(request, Api.Ct);
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)(:[^}]*(\([^)]*\))?[^}]*)?\}")]
    private static partial Regex Constraint();
}
