namespace AgriLink.Web.Apis;

/// <summary>How the caller stands to one cooperative: its admin, one of its member households, or neither.</summary>
public enum CooperativeRelation { None, Member, Admin }
