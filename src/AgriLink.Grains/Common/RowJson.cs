using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgriLink.Grains.Common;

/// <summary>How a record kept whole in a row (an invoice, a register entry) is written as JSON: web names, enums by name.</summary>
internal static class RowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Converters = { new JsonStringEnumConverter() },
    };
}
