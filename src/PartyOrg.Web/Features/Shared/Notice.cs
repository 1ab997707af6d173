namespace PartyOrg.Web.Features.Shared;

/// <summary>What a successful write did, carried across its redirect (TempData) and shown once on the page landed on.</summary>
public static class Notice
{
    public const string Key = "Notice";
}
