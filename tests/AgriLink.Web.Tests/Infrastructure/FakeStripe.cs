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
/// committing, and signs webhook events with Stripe.net's own signature code. It also plays Stripe Checkout: sessions
/// (<c>/v1/checkout/sessions</c>) and a tiny hosted page at <c>/checkout/{id}</c> whose "Pay" button makes the succeeded
/// PaymentIntent, completes the session, sends the webhooks (when <see cref="Webhooks"/> is set and
/// <see cref="SendCheckoutWebhooks"/>) and sends the browser back to the session's success URL.
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
    private readonly Dictionary<string, Dictionary<string, string>> _sessionForms = new(StringComparer.Ordinal);
    private int _dropNext;
    private string? _dropPath;
    private long _sequence;

    private FakeStripe(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>A client of the app (its base address the app's origin) that the hosted checkout page sends webhooks with.</summary>
    public Func<HttpClient>? Webhooks { get; set; }

    /// <summary>False: paying on the hosted page sends no webhook (the buyer's return alone must record the payment).</summary>
    public bool SendCheckoutWebhooks { get; set; } = true;

    /// <summary>True: every API call fails with Stripe's 500 api_error (Stripe unreachable in effect), and nothing is made.</summary>
    public bool Down { get; set; }

    /// <summary>The settings that point the app's Stripe at this fake.</summary>
    public Dictionary<string, string?> AppSettings() => new()
    {
        ["Stripe:SecretKey"] = SecretKey,
        ["Stripe:WebhookSecret"] = WebhookSecret,
        ["Stripe:PublishableKey"] = "pk_test_agrilink_fake",
        ["Stripe:ApiBase"] = Url,
        ["Stripe:CheckoutOrigin"] = Url,
    };

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

    /// <summary>The Checkout Session ran out unpaid (Stripe expires them after at most a day).</summary>
    public void ExpireSession(string sessionId)
    {
        lock (_gate)
        {
            _objects[sessionId]["status"] = "expired";
            _objects[sessionId]["url"] = null;
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
        return await app.SendAsync(request, Xunit.TestContext.Current.CancellationToken);
    }

    private async Task Handle(HttpContext http)
    {
        // Stripe's hosted checkout page: the browser's, with no API key.
        if (http.Request.Path.Value!.Trim('/').Split('/') is ["checkout", var sessionId])
        {
            await (http.Request.Method == "POST" ? PayOnHostedPage(http, sessionId) : ShowHostedPage(http, sessionId));
            return;
        }
        if (Down)
        {
            // The call is recorded as sent, key included: a client retrying a 500 must still carry its key.
            var sentKey = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
            lock (_gate) _calls.Add(new FakeStripeCall(http.Request.Method, http.Request.Path.Value!, sentKey, new Dictionary<string, string>(), 500, false));
            await Write(http, 500, Error("api_error", "Stripe is down (fake).", null));
            return;
        }
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
            ("POST", ["v1", "checkout", "sessions"]) => Ok(CreateSession(form)),
            ("GET", ["v1", "checkout", "sessions", var id]) => Find(id, "checkout.session"),
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

    private JsonObject CreateSession(Dictionary<string, string> form)
    {
        var id = NewId("cs_test");
        long total = 0;
        string? currency = null;
        for (var i = 0; form.ContainsKey($"line_items[{i}][quantity]"); i++)
        {
            total += long.Parse(form[$"line_items[{i}][price_data][unit_amount]"], CultureInfo.InvariantCulture)
                     * long.Parse(form[$"line_items[{i}][quantity]"], CultureInfo.InvariantCulture);
            currency = form[$"line_items[{i}][price_data][currency]"];
        }
        _sessionForms[id] = form;
        return Store(new JsonObject
        {
            ["id"] = id, ["object"] = "checkout.session", ["mode"] = form.GetValueOrDefault("mode"), ["status"] = "open",
            ["payment_status"] = "unpaid", ["url"] = $"{Url}/checkout/{id}", ["success_url"] = form.GetValueOrDefault("success_url"),
            ["cancel_url"] = form.GetValueOrDefault("cancel_url"), ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["metadata"] = Metadata(form), ["amount_total"] = total, ["currency"] = currency, ["payment_intent"] = null,
            ["created"] = Now(), ["expires_at"] = Now() + 86_400, ["livemode"] = false,
        });
    }

    private async Task ShowHostedPage(HttpContext http, string sessionId)
    {
        JsonObject? session;
        lock (_gate) session = _objects.GetValueOrDefault(sessionId)?.DeepClone().AsObject();
        if (session is null || (string?)session["status"] != "open")
        {
            http.Response.StatusCode = 404;
            await http.Response.WriteAsync("This checkout session is no longer available.");
            return;
        }
        var amount = ((long)session["amount_total"]! / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Fake Stripe Checkout</title></head>
            <body><h1>Fake Stripe Checkout</h1><p id="amount">{WebUtility.HtmlEncode((string?)session["currency"])} {amount}</p>
            <form method="post" action="/checkout/{sessionId}"><button type="submit" id="fake-pay">Pay</button></form>
            <p><a id="fake-cancel" href="{WebUtility.HtmlEncode((string?)session["cancel_url"])}">Cancel</a></p></body></html>
            """);
    }

    /// <summary>The card went through: the intent succeeds, the session completes, the webhooks go out, the browser goes back.</summary>
    private async Task PayOnHostedPage(HttpContext http, string sessionId)
    {
        string[] events;
        string successUrl;
        lock (_gate)
        {
            if (!_objects.TryGetValue(sessionId, out var session) || (string?)session["status"] != "open")
            {
                http.Response.StatusCode = 409;
                return;
            }
            var form = _sessionForms[sessionId];
            // payment_intent_data[metadata][order_id] → metadata[order_id]; payment_intent_data[transfer_group] → transfer_group.
            var intentData = form.Where(f => f.Key.StartsWith("payment_intent_data[", StringComparison.Ordinal)).ToDictionary(
                f => f.Key["payment_intent_data".Length..] is var rest && rest.StartsWith("[metadata]", StringComparison.Ordinal)
                    ? "metadata" + rest["[metadata]".Length..]
                    : rest.Trim('[', ']'),
                f => f.Value, StringComparer.Ordinal);
            var intent = CreateIntent(new Dictionary<string, string>(intentData)
            {
                ["amount"] = ((long)session["amount_total"]!).ToString(CultureInfo.InvariantCulture), ["currency"] = (string)session["currency"]!,
            });
            session["status"] = "complete";
            session["payment_status"] = "paid";
            session["payment_intent"] = (string)intent["id"]!;
            session["url"] = null;
            events = [Succeed((string)intent["id"]!), EventJson("checkout.session.completed", session)];
            successUrl = ((string)session["success_url"]!).Replace("{CHECKOUT_SESSION_ID}", sessionId, StringComparison.Ordinal);
        }
        if (SendCheckoutWebhooks && Webhooks is { } app)
        {
            using var client = app();
            foreach (var e in events)
            {
                using var response = await Deliver(client, e);
                response.EnsureSuccessStatusCode();
            }
        }
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = successUrl;
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
