using AgriLink.Web.Auth;

namespace AgriLink.Web.Pages.Account;

/// <summary>A role's name on a page (the resource key; English in SharedResource.en.resx), and the roles a caller may invite to.</summary>
public static class RoleNames
{
    public static string Of(string? role) => role switch
    {
        Roles.PlatformAdmin => "平台运营",
        Roles.CooperativeAdmin => "合作社管理员",
        Roles.EnterpriseAdmin => "龙头企业管理员",
        Roles.Household => "农户",
        Roles.Buyer => "采购单位人员",
        Roles.CountyOfficer => "县乡村振兴部门",
        Roles.TownshipOfficer => "乡镇干部",
        Roles.VillageCadre => "村干部、驻村第一书记",
        Roles.RegionOfficer => "市、省乡村振兴部门",
        _ => role ?? "",
    };

    /// <summary>A code's status (AccountCodeView.Status) in words.</summary>
    public static string Status(string status) => status switch
    {
        "Open" => "有效",
        "Used" => "已使用",
        "Revoked" => "已撤销",
        "Expired" => "已过期",
        _ => status,
    };

    /// <summary>How a sign-in was made (SignInGuard's method) in words.</summary>
    public static string Method(string method) => method switch
    {
        "password" => "密码",
        "password+authenticator" => "密码和验证码",
        "password+recovery-code" => "密码和恢复码",
        _ => method,
    };

    /// <summary>What the object id names for the role (a label on the invitation form and the slip).</summary>
    public static string ObjectOf(string? role) => role switch
    {
        Roles.CooperativeAdmin => "合作社编号",
        Roles.EnterpriseAdmin => "企业编号",
        Roles.Household => "农户编号",
        Roles.Buyer => "采购单位编号",
        Roles.CountyOfficer => "县级行政区划代码",
        Roles.TownshipOfficer => "乡镇区划代码（9 位）",
        Roles.VillageCadre => "村级区划代码（12 位）",
        Roles.RegionOfficer => "省或市行政区划代码（2 或 4 位）",
        _ => "对象编号",
    };

    /// <summary>
    /// Operators invite every role; a cooperative admin its households; a buyer its staff; a county officer its townships'
    /// officers and villages' cadres (InvitationRules decides the objects).
    /// </summary>
    public static IReadOnlyList<string> InvitableBy(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsPlatformAdmin() ? Roles.All
        : [.. (user.IsInRole(Roles.CooperativeAdmin) ? [Roles.Household] : Array.Empty<string>()),
           .. (user.IsInRole(Roles.Buyer) ? [Roles.Buyer] : Array.Empty<string>()),
           .. (user.IsInRole(Roles.CountyOfficer) ? [Roles.TownshipOfficer, Roles.VillageCadre] : Array.Empty<string>())];
}
