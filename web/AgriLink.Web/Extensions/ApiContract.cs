using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace AgriLink.Web.Extensions;

/// <summary>
/// What the OpenAPI document promises beyond what the endpoints' signatures say (issue 21, "the API contract a client can
/// rely on"): every refusal an operation can give as an RFC 9457 problem (<see cref="ProblemSchema"/>), the licence, a
/// description per tag, server URLs without a trailing slash. The refusals are derived from each endpoint's shape, the
/// same way the pipeline gives them: 400 for every request (a malformed id, a field rule, unreadable JSON, or for an
/// operation without input a request that could not be read); 401 and 403 for what needs a signed-in caller acting for the object; 404 for a path naming an
/// object; 409 and 422 for a change the object's rules refuse; 413 for a body past the limit; 429 where sign-in attempts
/// are limited; 503 with Retry-After for every call (a node restarting, the database busy). Kept true by
/// ApiContractTests: a client generated from this document receives each as a typed problem, and redocly's recommended
/// rules pass without a warning.
/// </summary>
public static class ApiContract
{
    public const string ProblemSchema = "Problem";

    public const string ProblemMediaType = "application/problem+json";

    /// <summary>What each tag holds, in the order the document lists them.</summary>
    internal static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Sign-in"] = "Bearer tokens for API clients: sign in, refresh, sign out.",
        ["Accounts"] = "Invitations, activation, passwords and two-factor sign-in of the people who act for an object.",
        ["Regions"] = "GB/T 2260 administrative divisions: provinces, prefectures and counties, with the deep-poverty counties.",
        ["Cooperatives"] = "Farmer cooperatives (农民专业合作社): profiles, members, offices and the records their members may read.",
        ["Households"] = "Farm households: profiles, poverty status, memberships and what each household is owed.",
        ["Enterprises"] = "Leading enterprises (龙头企业) that contract with and invest in cooperatives.",
        ["Village collectives"] = "Village collective economic organisations (村集体经济组织) and the shares they hold.",
        ["Buyers"] = "Buyers of consumption poverty alleviation produce: canteens, state enterprises, unions, partner cities, consumers.",
        ["Listings"] = "Produce a cooperative offers: drafts, publishing, stock, producing households and delivery areas.",
        ["Photos"] = "Photos of listings, cooperatives and assembly records, re-encoded on upload and served by content hash.",
        ["Orders"] = "Orders split per cooperative: placement (idempotent), cancellation, shipping with tracking, delivery.",
        ["Payments"] = "Card payments through Stripe Checkout and the Stripe webhook.",
        ["Invoices"] = "Monthly invoices a cooperative issues to an institutional buyer, their documents and payments.",
        ["Demands"] = "Purchase demands buyers publish and the listings matched to them.",
        ["Offtake"] = "Offtake contracts between leading enterprises and cooperatives, and their deliveries.",
        ["Reviews"] = "Buyers' ratings of delivered sub-orders, the cooperative's answer and the operator's moderation.",
        ["AfterSales"] = "售后: a buyer's refund request for a delivered sub-order, the cooperative's answer, the operator's decision, the refund.",
        ["Complaints"] = "Buyers' complaints about a cooperative's price or quality, decided by operators; repeated upheld ones propose a suspension.",
        ["Monitoring"] = "防返贫动态监测: households' income, warnings, cases, visits, departmental imports and dashboards.",
        ["Search"] = "Full-text search of published listings with facets.",
        ["Admission"] = "A cooperative's admission to the platform: application, county recommendation, operator decision.",
        ["Quotas"] = "Budget units' yearly consumption-assistance purchase quotas and their progress.",
        ["Share register"] = "三变 shares: charter, holdings, issues, transfers, withdrawals and the register's history.",
        ["Dividends"] = "Surplus distribution: declarations, public notice, objections, approval and payment to every shareholder.",
        ["Assemblies"] = "Member assemblies (成员大会): calling, online ballots, held meetings and their resolutions.",
        ["Audit"] = "The audit log of every change: who did what to which object, and when.",
    };

    public static OpenApiOptions AddAgriLinkContract(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, context, _) =>
        {
            Describe(document);
            var endpoints = context.DescriptionGroups.SelectMany(g => g.Items)
                .GroupBy(d => ((d.HttpMethod ?? "").ToUpperInvariant(), "/" + (d.RelativePath ?? "").TrimEnd('/')))
                .ToDictionary(g => g.Key, g => g.First());
            foreach (var (path, item) in document.Paths)
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var description = endpoints.GetValueOrDefault((method.Method.ToUpperInvariant(), path.TrimEnd('/')));
                AddRefusals(document, operation, description?.ActionDescriptor.EndpointMetadata ?? [], method.Method);
            }
            return Task.CompletedTask;
        });

    private static void Describe(OpenApiDocument document)
    {
        document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/');
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var text))
                tag.Description = text;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem. 'type' is urn:agrilink:problem:{code}, the code naming the rule (for example " +
                          "urn:agrilink:problem:order.sold-out); 'errors' maps each invalid field to its messages (400 only).",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "urn:agrilink:problem:{code}" },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
    }

    private static void AddRefusals(OpenApiDocument document, OpenApiOperation operation, IList<object> metadata, string method)
    {
        var write = method is not ("GET" or "HEAD");
        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
        var hasInput = (operation.Parameters?.Count ?? 0) > 0 || operation.RequestBody is not null;
        var namesObject = operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true;
        Add(document, operation, 400, hasInput
            ? "The request is malformed or a field breaks its rule ('errors' lists them)."
            : "The request could not be read (a malformed header or request line).");
        if (!anonymous)
        {
            Add(document, operation, 401, "Not signed in: send 'Authorization: Bearer <accessToken>'.");
            Add(document, operation, 403, "Signed in, but not acting for this object.");
        }
        if (namesObject) Add(document, operation, 404, "No such object.");
        if (write)
        {
            Add(document, operation, 409, "The object's rules or current state refuse the change; nothing was changed.");
            Add(document, operation, 422, "The change is well-formed but cannot be carried out here; nothing was changed.");
        }
        if (operation.RequestBody is not null) Add(document, operation, 413, "The request body is larger than this endpoint accepts.");
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            Add(document, operation, 429, "Too many attempts: wait and try again.");
        var unavailable = Add(document, operation, 503,
            "A node is restarting or the database is busy: the change may or may not have been made. Retry after the given seconds.");
        unavailable.Headers ??= new Dictionary<string, IOpenApiHeader>();
        unavailable.Headers["Retry-After"] = new OpenApiHeader
        {
            Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        };
    }

    /// <summary>The problem response for <paramref name="status"/>, replacing a bare one the signature declared (a 404 without body).</summary>
    private static OpenApiResponse Add(OpenApiDocument document, OpenApiOperation operation, int status, string description)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
        operation.Responses[key] = response;
        return response;
    }
}
