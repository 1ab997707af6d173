namespace PartyOrg.Web.Features.Shared;

/// <summary>The reader's choice of text size, kept in a cookie that wwwroot/js/site.js writes and the layout reads.</summary>
public static class TextSize
{
    public const string Cookie = "text-size";
    public const string Large = "large";
}
