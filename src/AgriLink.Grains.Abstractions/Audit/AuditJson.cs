using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace AgriLink.Grains.Audit;

/// <summary>
/// The JSON of audit entries and API answers alike (web conventions, enums by name, Chinese as itself): the web host
/// configures its JSON with <see cref="Configure"/>, and grains write their audit entries with <see cref="Options"/>,
/// so an entry reads the same whoever wrote it.
/// </summary>
public static class AuditJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.MaxDepth = 32;
        // Chinese text as itself, not \uXXXX escapes: a third of the bytes on a farmer's slow connection.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        return options;
    }

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);
}
