using AgriLink.Domain.Codes;
using AgriLink.Grains.Households;

namespace AgriLink.Web.Apis;

/// <summary>
/// What a cooperative's admins see of a member household: who and where it is and how to reach it (the phone masked, as
/// 138****5678), not its poverty history or the rest of its profile.
/// </summary>
public sealed record MemberHousehold(string Id, string HeadName, string Village, string? Phone)
{
    public static MemberHousehold From(HouseholdDetails h) =>
        new(h.Id, h.Profile.HeadName, h.Profile.Village,
            PhoneNumber.TryParse(h.Profile.Phone, out var phone) ? phone.Masked : null);
}
