using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgriLink.Tests.Shared;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Issue 22, item 3: a grain call the cluster leaves unanswered (a silo died, a message was rejected, the answer came too
/// late) is a 503 with Retry-After and the <c>unavailable</c> problem, which says the change may or may not have been
/// made and that a retry with the same Idempotency-Key is safe; it is logged as a warning naming the request's path,
/// never as an unhandled error. A web node in cluster mode waits <c>Orleans:ResponseTimeout</c>, not Orleans' 30 s.
/// </summary>
public sealed class UnansweredGrainCallTests
{
    private const string Listing = "lst-pzcilidried";

    [Fact]
    public async Task AClusterWebNodeAnswers503AfterItsResponseTimeoutWhenTheSiloHoldsTheCall()
    {
        using var folder = new TempFolder();
        var gate = new HoldOrThrow();
        await using var root = new AgriLinkFactory(folder.Path, new Dictionary<string, string?> { ["AgriLink:SeedDemo"] = "true" });
        await using var siloNode = root.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IIncomingGrainCallFilter>(gate)));
        siloNode.StartServer();
        // The client node: cluster mode through the first node's gateway, sharing its data folder (identity and keys).
        await using var web = await AppProcess.StartAsync(folder.Path,
            "--AgriLink:Mode", "Cluster", "--Orleans:Gateways", $"127.0.0.1:{root.GatewayPort.ToString(CultureInfo.InvariantCulture)}",
            "--AgriLink:SeedDemo", "false", "--Search:Lucene:Path", Path.Combine(folder.Path, "search-web"),
            "--Orleans:ResponseTimeout", "00:00:02", "--DataProtection:CertificateFile", KeyCertificate.WritePem(folder.Path));
        var token = await web.Client.LoginAsync("coop.panzhou", Seeding.DemoData.Password);

        gate.Hold = TimeSpan.FromSeconds(8);
        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/listings/{Listing}/stock") { Content = JsonContent.Create(new { stock = 4321 }) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await web.Client.SendAsync(request, Api.Ct);
        var waited = watch.Elapsed;

        var problem = await response.AssertProblem(HttpStatusCode.ServiceUnavailable);
        AssertUnavailable(response, problem);
        Assert.True(waited >= TimeSpan.FromSeconds(2) && waited < TimeSpan.FromSeconds(7),
            $"The 503 came after {waited}: expected just after the 2 s response timeout, not the silo's 8 s hold or Orleans' 30 s.");
        await WaitFor(() => web.Output.Contains($"Temporarily unavailable on PUT /api/listings/{Listing}/stock", StringComparison.Ordinal),
            () => $"No warning naming the path in the node's output:\n{web.Output}");
        Assert.DoesNotContain("Unhandled error", web.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("An unhandled exception has occurred", web.Output, StringComparison.Ordinal);

        // "May or may not": the held call goes on in the silo and is carried out after the client stopped waiting.
        gate.Hold = TimeSpan.Zero;
        using var reader = siloNode.CreateClient().WithBearer(token);
        await WaitFor(async () => (decimal?)(await reader.GetFromJsonAsync<JsonObject>($"/api/listings/{Listing}", Api.Ct))?["draft"]?["stock"] == 4321m,
            () => "The held change was never carried out.");
    }

    public static TheoryData<string> Rejections() =>
        new(nameof(SiloUnavailableException), nameof(OrleansMessageRejectionException), nameof(TimeoutException), nameof(OperationCanceledException));

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task AnUnansweredGrainCallIs503WithRetryAfterAndAWarningNamingThePath(string exception)
    {
        using var folder = new TempFolder();
        var gate = new HoldOrThrow();
        var logs = new CollectedLogs();
        await using var root = new AgriLinkFactory(folder.Path, new Dictionary<string, string?> { ["AgriLink:SeedDemo"] = "true" });
        await using var app = root.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IIncomingGrainCallFilter>(gate);
            s.AddSingleton<ILoggerProvider>(logs);
        }));
        var admin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .WithBearer(await app.CreateClient().LoginAsync("coop.panzhou", Seeding.DemoData.Password));

        gate.Throw = exception switch
        {
            nameof(SiloUnavailableException) => () => new SiloUnavailableException("The target silo became unavailable for message: test."),
            // Its constructors are Orleans' own (internal): the runtime throws it when a silo refuses a message.
            nameof(OrleansMessageRejectionException) => () => (Exception)Activator.CreateInstance(typeof(OrleansMessageRejectionException),
                System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, null, ["Message rejected: test."], null)!,
            // What a silo's call to another grain answers when its message expires while the grain is placed again.
            nameof(OperationCanceledException) => () => new OperationCanceledException("Message expired before placement could complete for grain order/ord-test."),
            _ => () => new TimeoutException("Response did not arrive on time: test."),
        };
        using var response = await admin.SendJson(HttpMethod.Put, $"/api/listings/{Listing}/stock", """{"stock":17}""");
        var problem = await response.AssertProblem(HttpStatusCode.ServiceUnavailable);
        AssertUnavailable(response, problem);

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"PUT /api/listings/{Listing}/stock", StringComparison.Ordinal)
                                           && e.Message.Contains(exception, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);

        // A person on a page gets the status page that says the same, with the same status and Retry-After.
        using var page = await admin.GetAsync("/status/503", Api.Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("暂时无法处理", await page.Content.ReadAsStringAsync(Api.Ct), StringComparison.Ordinal);
    }

    private static void AssertUnavailable(HttpResponseMessage response, JsonObject problem)
    {
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "No Retry-After on the 503.");
        Assert.Equal("urn:agrilink:problem:unavailable", (string?)problem["type"]);
        var detail = (string?)problem["detail"] ?? "";
        Assert.Contains("may or may not", detail, StringComparison.Ordinal);
        Assert.Contains("Idempotency-Key", detail, StringComparison.Ordinal);
    }

    private static async Task WaitFor(Func<bool> done, Func<string> why) => await WaitFor(() => Task.FromResult(done()), why);

    private static async Task WaitFor(Func<Task<bool>> done, Func<string> why)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await done()) return;
            await Task.Delay(250, Api.Ct);
        }
        Assert.Fail(why());
    }

    /// <summary>In the silo: calls to <c>SetStock</c> wait <see cref="Hold"/> before they run, or fail with <see cref="Throw"/>'s exception.</summary>
    private sealed class HoldOrThrow : IIncomingGrainCallFilter
    {
        public volatile Func<Exception>? Throw;
        private long _holdTicks;

        public TimeSpan Hold
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _holdTicks));
            set => Interlocked.Exchange(ref _holdTicks, value.Ticks);
        }

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.MethodName == "SetStock")
            {
                if (Throw is { } fail) throw fail();
                if (Hold > TimeSpan.Zero) await Task.Delay(Hold);
            }
            await context.Invoke();
        }
    }

    private sealed class CollectedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CollectedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // Orleans' own warnings about the test's thrown exceptions are not the web's logging.
                if (IsEnabled(logLevel) && category.StartsWith("AgriLink.Web", StringComparison.Ordinal) || category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
                    logs.Entries.Enqueue((logLevel, category, formatter(state, exception)));
            }
        }
    }
}
