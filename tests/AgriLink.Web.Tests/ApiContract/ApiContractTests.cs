using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Localization;
using Xunit;

namespace AgriLink.Web.Tests.ApiContract;

/// <summary>
/// Issue 21, "the API contract a client can rely on": the live OpenAPI document passes Redocly's recommended rules with
/// no error and no warning, and a client generated from it by a standard generator (Kiota, a local dotnet tool of the
/// repository) compiles, searches with parameters, and receives each refusal as the typed problem the document declares.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class ApiContractTests(SeededApp app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task TheDocumentPassesRedoclysRecommendedRulesWithoutAWarning()
    {
        using var folder = new TempFolder();
        var document = Path.Combine(folder.Path, "openapi.json");
        // Fetched as from a deployed node (the test server's own host is "localhost", which the rules reject as a placeholder).
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json") { Headers = { Host = "agrilink.gz.gov.cn" } };
        using var response = await app.Anonymous().SendAsync(request, Api.Ct);
        var json = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync(Api.Ct);
        Assert.Contains("\"url\": \"http://agrilink.gz.gov.cn\"", json, StringComparison.Ordinal);
        await File.WriteAllTextAsync(document, json, Api.Ct);
        var redocly = Path.Combine(RefusalSources.RepositoryRoot(), "tests", "AgriLink.Web.Tests", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: the test project's build restores it (npm ci).");

        var (code, output) = await ChildProcess.RunAsync(redocly,
            ["lint", document, "--extends", "recommended", "--format", "summary", "--max-problems", "1000"], Patience, folder.Path);

        Assert.True(code == 0, output);
        // The summary lists each rule that fired as "warning <rule>: n" or "error <rule>: n" (Node's own notices aside).
        Assert.DoesNotMatch(@"(?m)^(warning|error)\s", output);
        Assert.Contains("Your API description is valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryOperationDeclaresItsProblemsAndTheSearchItsParameters()
    {
        var document = JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Api.Ct))!;
        var missing = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            var responses = operation!["responses"]!.AsObject();
            var problems = responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')).ToList();
            if (problems.Count == 0) missing.Add($"{method} {path}: no problem response");
            foreach (var (status, response) in problems)
                if (response!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() != "#/components/schemas/Problem")
                    missing.Add($"{method} {path} {status}: not the problem schema");
            if (!responses.ContainsKey("503")) missing.Add($"{method} {path}: no 503");
        }
        Assert.True(missing.Count == 0, string.Join('\n', missing));

        // A protected change names every refusal the pipeline can give it.
        var place = document["paths"]!["/api/orders"]!["post"]!["responses"]!.AsObject();
        Assert.Equal(["200", "201", "400", "401", "403", "409", "413", "422", "503"], place.Select(r => r.Key).Order(StringComparer.Ordinal));
        var search = document["paths"]!["/api/search/listings"]!["get"]!["parameters"]!.AsArray().Select(p => (string)p!["name"]!);
        Assert.Equal(["category", "certified", "county", "deepPoverty", "harvestFrom", "harvestTo", "inStock", "maxPrice", "minPrice", "page", "pageSize", "q", "sort"],
            search.Order(StringComparer.Ordinal));
        Assert.All(document["tags"]!.AsArray(), tag => Assert.False(string.IsNullOrWhiteSpace((string?)tag!["description"]), (string?)tag!["name"]));
    }

    [Fact]
    public async Task AClientGeneratedFromTheLiveDocumentSearchesAndReceivesTypedProblems()
    {
        using var folder = new TempFolder();
        await using var server = await AppProcess.StartAsync(Path.Combine(folder.Path, "data"));
        var document = Path.Combine(folder.Path, "openapi.json");
        await File.WriteAllTextAsync(document, await server.Client.GetStringAsync("/openapi/v1.json", Api.Ct), Api.Ct);
        var root = RefusalSources.RepositoryRoot();
        var project = Path.Combine(folder.Path, "client");
        // The index fills from the listings table right after the start: the client's search waits for it.
        await server.Client.Until("/api/search/listings?q=%E5%88%BA%E6%A2%A8", page => (long)page["total"]! > 0);

        // Kiota from the repository's tool manifest (dotnet-tools.json), as a client's developer would run it.
        await Succeeds(ChildProcess.RunAsync("dotnet", ["tool", "restore"], Patience, root));
        await Succeeds(ChildProcess.RunAsync("dotnet",
            ["tool", "run", "kiota", "generate", "-l", "CSharp", "-d", document, "-o", Path.Combine(project, "Client"), "-c", "AgriLinkClient",
                "-n", "AgriLink.Client", "--exclude-backward-compatible", "--log-level", "Warning"], Patience, root));
        await File.WriteAllTextAsync(Path.Combine(project, "AgriLinkClientCheck.csproj"), ClientProject, Api.Ct);
        File.Copy(Path.Combine(root, "tests", "AgriLink.Web.Tests", "ApiContract", "ClientProgram.cs.txt"), Path.Combine(project, "Program.cs"));
        await Succeeds(ChildProcess.RunAsync("dotnet", ["build", "-c", "Release", "-nologo", "-v", "quiet"], Patience, project));

        var (code, output) = await ChildProcess.RunAsync("dotnet",
            [Path.Combine(project, "bin", "Release", "net10.0", "AgriLinkClientCheck.dll"), server.BaseAddress.ToString().TrimEnd('/'), "刺梨"],
            Patience, project);

        Assert.True(code == 0, output);
        Assert.Matches(@"search total=[1-9]\d* pageSize=5 first=\S+ categories=Fruit\b", output);
        Assert.Contains("refusal status=400 http=400 type=urn:agrilink:problem:validation field=pageSize", output, StringComparison.Ordinal);
        Assert.Contains("anonymous status=401 http=401", output, StringComparison.Ordinal);
    }

    private static async Task Succeeds(Task<(int ExitCode, string Output)> run)
    {
        var (code, output) = await run;
        Assert.True(code == 0, output);
    }

    /// <summary>A plain console project outside the repository (so none of its build settings apply), on Kiota's runtime packages.</summary>
    private const string ClientProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            <NoWarn>NU1603</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Kiota.Abstractions" Version="2.1.6" />
            <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="2.1.6" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="2.1.6" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="2.1.6" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="2.1.6" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="2.1.6" />
          </ItemGroup>
        </Project>
        """;
}
