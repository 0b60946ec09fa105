namespace AgriLink.Web.Apis;

public sealed record PubliciseRequest(DateOnly NoticeStart, DateOnly NoticeEnd);
