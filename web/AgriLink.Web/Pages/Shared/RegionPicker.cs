using AgriLink.Domain.Codes;

namespace AgriLink.Web.Pages.Shared;

/// <summary>
/// A page whose form asks for a delivery region with the province → prefecture → county selects of
/// <c>_RegionPicker.cshtml</c> (the cart's checkout, the buyer's demand form): the bound fields the partial posts.
/// </summary>
public interface IRegionPicker
{
    /// <summary>The province picked (six-digit form, 520000); in Guizhou also the prefecture and county.</summary>
    string? Province { get; set; }
    string? Prefecture { get; set; }
    string? County { get; set; }

    /// <summary>Outside Guizhou, the county's code as typed (the platform has no names there).</summary>
    string? DeliveryRegionCode { get; set; }
}

/// <summary>What the region selects stand for, and setting them from a code; one place for every page that shows them.</summary>
public static class RegionPicking
{
    public static bool InGuizhou(this IRegionPicker p) => p.Province is { Length: 6 } province && province.StartsWith("52", StringComparison.Ordinal);

    public static IReadOnlyList<(string Code, string Name)> Prefectures(this IRegionPicker p) => Regions.PrefecturesOf(p.Province);

    public static IReadOnlyList<Domain.Codes.County> Counties(this IRegionPicker p) => Regions.CountiesOf(p.Prefecture);

    /// <summary>A county code typed outside the picked province (the selects say one place, the code another).</summary>
    public static bool TypedOutsideProvince(this IRegionPicker p) =>
        !p.InGuizhou() && p.Province is { Length: 6 } province && AdministrativeCode.TryParse(p.DeliveryRegionCode, out var typed)
        && !typed.Value.StartsWith(province[..2], StringComparison.Ordinal);

    /// <summary>
    /// The region the selects stand for: in Guizhou the county (when it lies in the picked prefecture), else the
    /// prefecture, else the province; elsewhere the typed county code, else the province.
    /// </summary>
    public static string? Picked(this IRegionPicker p)
    {
        if (p.InGuizhou())
            return p.Prefecture is { Length: 6 } pf && p.County is { } c && c.StartsWith(pf[..4], StringComparison.Ordinal) ? c : p.Prefecture ?? p.Province;
        var typed = p.DeliveryRegionCode?.Trim();
        if (p.Province is null) return typed;
        return string.IsNullOrEmpty(typed) || p.TypedOutsideProvince() ? p.Province : typed;
    }

    /// <summary>Sets the selects from a code: its province, and in Guizhou its prefecture and county; elsewhere the code is kept as typed.</summary>
    public static void PickRegion(this IRegionPicker p, string? code)
    {
        if (!AdministrativeCode.TryParse(code, out var parsed) || Regions.ProvinceName(parsed.Value) is null)
        {
            p.DeliveryRegionCode = code;
            return;
        }
        p.Province = parsed.ProvinceCode;
        if (p.InGuizhou())
        {
            p.Prefecture = parsed.IsProvince ? null : parsed.PrefectureCode;
            p.County = parsed.IsCounty && Regions.IsKnownCounty(parsed.Value) ? parsed.Value : null;
            p.DeliveryRegionCode = null;
        }
        else
        {
            p.Prefecture = p.County = null;
            p.DeliveryRegionCode = parsed.IsProvince ? null : parsed.Value;
        }
    }
}
