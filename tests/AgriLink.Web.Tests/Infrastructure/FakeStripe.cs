using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stripe;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>
/// An in-process Stripe API on 127.0.0.1 (random port) speaking the wire format Stripe.net parses: form-encoded
/// requests, JSON objects with their <c>object</c> type, errors in Stripe's envelope, and Idempotency-Key honoured
/// as Stripe does (same key and parameters: the first response replayed; other parameters: an idempotency_error).
/// It keeps payment intents, refunds, transfers and reversals, records every call, can drop responses after
/// committing, and signs webhook events with Stripe.net's own signature code.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_agrilink_fake";
    public const string WebhookSecret = "whsec_agrilink_fake";

    private readonly object _gate = new();
    private readonly WebApplication _app;
    private readonly Dictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Fingerprint, int Status, string Body)> _idempotent = new(StringComparer.Ordinal);
    private readonly List<FakeStripeCall> _calls = [];
    private int _dropNext;
    private string? _dropPath;
    private long _sequence;

    private FakeStripe(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeStripe(builder.Build());
        fake._app.Run(fake.Handle);
        await fake._app.StartAsync();
        fake.Url = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public IReadOnlyList<FakeStripeCall> Calls { get { lock (_gate) return _calls.ToList(); } }

    public IReadOnlyList<JsonObject> Objects(string type)
    {
        lock (_gate) return _objects.Values.Where(o => (string?)o["object"] == type).Select(o => o.DeepClone().AsObject()).ToList();
    }

    public JsonObject Object(string id) { lock (_gate) return _objects[id].DeepClone().AsObject(); }

    /// <summary>The next <paramref name="count"/> POSTs to <paramref name="path"/> are committed, then their connection is cut.</summary>
    public void DropResponses(string path, int count = 1) { lock (_gate) (_dropPath, _dropNext) = (path, count); }

    /// <summary>The customer confirmed the card: the intent succeeds with a charge. Returns the <c>payment_intent.succeeded</c> event.</summary>
    public string Succeed(string paymentIntentId)
    {
        lock (_gate)
        {
            var intent = _objects[paymentIntentId];
            intent["status"] = "succeeded";
            intent["amount_received"] = (long)intent["amount"]!;
            intent["latest_charge"] ??= NewId("ch");
            return EventJson("payment_intent.succeeded", intent);
        }
    }

    public string Fail(string paymentIntentId)
    {
        lock (_gate)
        {
            var intent = _objects[paymentIntentId];
            intent["status"] = "requires_payment_method";
            return EventJson("payment_intent.payment_failed", intent);
        }
    }

    /// <summary>A refund made outside the app (e.g. the Stripe dashboard) of the whole intent.</summary>
    public string RefundFromDashboard(string paymentIntentId)
    {
        lock (_gate)
        {
            var intent = _objects[paymentIntentId];
            var refund = StoreRefund(paymentIntentId, (long)intent["amount_received"]!, new JsonObject());
            return EventJson("refund.created", refund);
        }
    }

    /// <summary>The events Stripe would send for an object now: <c>refund.created</c> for a refund, and so on.</summary>
    public string EventFor(string type, string objectId) { lock (_gate) return EventJson(type, _objects[objectId]); }

    /// <summary>Posts the event to the app's webhook, signed with Stripe.net's own code at <paramref name="signedAt"/> (default now).</summary>
    public static async Task<HttpResponseMessage> Deliver(HttpClient app, string eventJson, DateTimeOffset? signedAt = null, string? tamperedBody = null, string secret = WebhookSecret)
    {
        var header = EventUtility.GenerateSignatureHeader(eventJson, secret, (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/stripe/webhook")
        {
            Content = new StringContent(tamperedBody ?? eventJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", header);
        return await app.SendAsync(request, Api.Ct);
    }

    private async Task Handle(HttpContext http)
    {
        if (http.Request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
        {
            await Write(http, 401, Error("invalid_request_error", "Invalid API Key provided.", null));
            return;
        }
        var form = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var method = http.Request.Method;
        var path = http.Request.Path.Value!;

        int status;
        string body;
        var replayed = false;
        bool drop;
        lock (_gate)
        {
            var fingerprint = $"{method} {path}?{string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"))}";
            if (method == "POST" && key is not null && _idempotent.TryGetValue(key, out var earlier))
            {
                if (earlier.Fingerprint == fingerprint)
                    (status, body, replayed) = (earlier.Status, earlier.Body, true);
                else
                    (status, body) = (400, Error("idempotency_error",
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.", null));
            }
            else
            {
                (status, body) = Route(method, path, form);
                if (method == "POST" && key is not null && status < 500) _idempotent[key] = (fingerprint, status, body);
            }
            drop = method == "POST" && _dropNext > 0 && path == _dropPath;
            if (drop) _dropNext--;
            _calls.Add(new FakeStripeCall(method, path, key, form, drop ? 0 : status, replayed));
        }
        if (drop)
        {
            // Committed above; the client never hears back.
            http.Abort();
            return;
        }
        if (replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        await Write(http, status, body);
    }

    private (int, string) Route(string method, string path, Dictionary<string, string> form)
    {
        var parts = path.Trim('/').Split('/');
        return (method, parts) switch
        {
            ("POST", ["v1", "payment_intents"]) => Ok(CreateIntent(form)),
            ("GET", ["v1", "payment_intents", var id]) => Find(id, "payment_intent"),
            ("POST", ["v1", "refunds"]) => CreateRefund(form),
            ("GET", ["v1", "refunds"]) => Ok(List("refund", r => !form.TryGetValue("payment_intent", out var pi) || (string?)r["payment_intent"] == pi, "/v1/refunds")),
            ("GET", ["v1", "refunds", var id]) => Find(id, "refund"),
            ("POST", ["v1", "transfers"]) => Ok(CreateTransfer(form)),
            ("POST", ["v1", "transfers", var id, "reversals"]) => CreateReversal(id),
            _ => (404, Error("invalid_request_error", $"Unrecognized request URL ({method}: {path}).", null)),
        };
    }

    private JsonObject CreateIntent(Dictionary<string, string> form)
    {
        var id = NewId("pi");
        return Store(new JsonObject
        {
            ["id"] = id, ["object"] = "payment_intent", ["amount"] = long.Parse(form["amount"], CultureInfo.InvariantCulture),
            ["amount_received"] = 0, ["currency"] = form["currency"], ["status"] = "requires_payment_method",
            ["client_secret"] = $"{id}_secret_{NewId("s")}", ["description"] = form.GetValueOrDefault("description"),
            ["transfer_group"] = form.GetValueOrDefault("transfer_group"), ["latest_charge"] = null,
            ["metadata"] = Metadata(form), ["created"] = Now(), ["livemode"] = false,
        });
    }

    private (int, string) CreateRefund(Dictionary<string, string> form)
    {
        if (!_objects.TryGetValue(form.GetValueOrDefault("payment_intent") ?? "", out var intent))
            return (404, Error("invalid_request_error", "No such payment_intent.", "resource_missing"));
        var amount = form.TryGetValue("amount", out var a) ? long.Parse(a, CultureInfo.InvariantCulture) : (long)intent["amount_received"]!;
        var refunded = _objects.Values.Where(o => (string?)o["object"] == "refund" && (string?)o["payment_intent"] == (string?)intent["id"]).Sum(o => (long)o["amount"]!);
        if ((string?)intent["status"] != "succeeded" || refunded + amount > (long)intent["amount_received"]!)
            return (400, Error("invalid_request_error", $"Refund amount ({amount}) is greater than unrefunded amount on charge.", "charge_already_refunded"));
        return Ok(StoreRefund((string)intent["id"]!, amount, Metadata(form)));
    }

    private JsonObject StoreRefund(string paymentIntentId, long amount, JsonObject metadata) => Store(new JsonObject
    {
        ["id"] = NewId("re"), ["object"] = "refund", ["amount"] = amount, ["currency"] = (string?)_objects[paymentIntentId]["currency"],
        ["status"] = "succeeded", ["payment_intent"] = paymentIntentId, ["charge"] = (string?)_objects[paymentIntentId]["latest_charge"],
        ["metadata"] = metadata, ["created"] = Now(),
    });

    private JsonObject CreateTransfer(Dictionary<string, string> form) => Store(new JsonObject
    {
        ["id"] = NewId("tr"), ["object"] = "transfer", ["amount"] = long.Parse(form["amount"], CultureInfo.InvariantCulture),
        ["currency"] = form["currency"], ["destination"] = form["destination"], ["source_transaction"] = form.GetValueOrDefault("source_transaction"),
        ["transfer_group"] = form.GetValueOrDefault("transfer_group"), ["metadata"] = Metadata(form), ["reversed"] = false,
        ["amount_reversed"] = 0, ["created"] = Now(), ["livemode"] = false,
    });

    private (int, string) CreateReversal(string transferId)
    {
        if (!_objects.TryGetValue(transferId, out var transfer))
            return (404, Error("invalid_request_error", $"No such transfer: '{transferId}'", "resource_missing"));
        transfer["reversed"] = true;
        transfer["amount_reversed"] = (long)transfer["amount"]!;
        return Ok(Store(new JsonObject
        {
            ["id"] = NewId("trr"), ["object"] = "transfer_reversal", ["amount"] = (long)transfer["amount"]!, ["currency"] = (string?)transfer["currency"],
            ["transfer"] = transferId, ["metadata"] = new JsonObject(), ["created"] = Now(),
        }));
    }

    private (int, string) Find(string id, string type) =>
        _objects.TryGetValue(id, out var o) && (string?)o["object"] == type
            ? Ok(o)
            : (404, Error("invalid_request_error", $"No such {type}: '{id}'", "resource_missing"));

    private JsonObject List(string type, Func<JsonObject, bool> filter, string url) => new()
    {
        ["object"] = "list", ["url"] = url, ["has_more"] = false,
        ["data"] = new JsonArray(_objects.Values.Where(o => (string?)o["object"] == type && filter(o)).Select(o => (JsonNode)o.DeepClone()).ToArray()),
    };

    private string EventJson(string type, JsonObject data) => new JsonObject
    {
        ["id"] = NewId("evt"), ["object"] = "event", ["api_version"] = "2025-01-27.acacia", ["created"] = Now(), ["type"] = type,
        ["livemode"] = false, ["pending_webhooks"] = 1, ["data"] = new JsonObject { ["object"] = data.DeepClone() },
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
    }.ToJsonString();

    private JsonObject Store(JsonObject o)
    {
        _objects[(string)o["id"]!] = o;
        return o;
    }

    private static JsonObject Metadata(Dictionary<string, string> form)
    {
        var metadata = new JsonObject();
        foreach (var (k, v) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
            metadata[k["metadata[".Length..^1]] = v;
        return metadata;
    }

    private static (int, string) Ok(JsonObject o) => (200, o.ToJsonString());

    private static string Error(string type, string message, string? code) =>
        new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["message"] = message, ["code"] = code } }.ToJsonString();

    private static Task Write(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.Headers["Request-Id"] = $"req_{Guid.NewGuid():N}";
        return http.Response.WriteAsync(body);
    }

    private string NewId(string prefix) => $"{prefix}_fake{Interlocked.Increment(ref _sequence):D8}";

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
