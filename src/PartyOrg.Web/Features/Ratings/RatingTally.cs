using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Rating;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Ratings;

/// <summary>
/// Ratings decided for some years in some subtrees, as statistics, reports and the dashboard count them: by the path the subject was
/// rated under (a merged organization's years stay under its predecessors' paths: callers pass those too), decided ones only,
/// members apart from base organizations (the figure the reports quote: "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên").
/// </summary>
public static class RatingTally
{
    /// <summary>Decided ratings of the years in the subtrees, decided on or before a day when one is given.</summary>
    public static IQueryable<Rating> Decided(AppDbContext db, IReadOnlyList<string> paths, int fromYear, int toYear, DateOnly? decidedBy = null) =>
        db.Ratings.AsNoTracking()
            .Where(r => r.Year >= fromYear && r.Year <= toYear && r.DecidedLevel != null && (decidedBy == null || r.DecidedOn <= decidedBy))
            .Where(PathRange.WithinAny<Rating>(r => r.OrgPath, paths));

    public static IQueryable<Rating> OfMembers(this IQueryable<Rating> ratings) => ratings.Where(r => r.MemberId != null);

    public static IQueryable<Rating> OfBaseOrganizations(this IQueryable<Rating> ratings, AppDbContext db) =>
        from r in ratings
        join o in db.Organizations.AsNoTracking() on r.SubjectOrganizationId equals o.Id
        where o.Type == OrganizationType.BaseCommittee || o.Type == OrganizationType.BaseCell
        select r;

    /// <summary>Members not rated in the year, with the reason recorded (exempted, activity suspended).</summary>
    public static IQueryable<Rating> Exempt(AppDbContext db, IReadOnlyList<string> paths, int year) =>
        db.Ratings.AsNoTracking().Where(r => r.Year == year && r.MemberId != null && r.ExemptReason != null)
            .Where(PathRange.WithinAny<Rating>(r => r.OrgPath, paths));

    /// <summary>One grouped query: the count of each (year, level).</summary>
    public static async Task<Dictionary<(int Year, RatingLevel Level), int>> CountByYearAndLevelAsync(this IQueryable<Rating> ratings) =>
        (await ratings.GroupBy(r => new { r.Year, r.DecidedLevel }).Select(g => new { g.Key.Year, g.Key.DecidedLevel, Count = g.Count() }).ToListAsync())
            .ToDictionary(g => (g.Year, g.DecidedLevel!.Value), g => g.Count);
}

/// <summary>The count of each level in one year, with the share "tốt" or above over those rated.</summary>
public sealed record LevelTally(int Year, IReadOnlyDictionary<RatingLevel, int> Levels)
{
    public int Rated => Levels.Values.Sum();
    public int GoodOrAbove => Levels.Where(l => l.Key.IsGoodOrAbove()).Sum(l => l.Value);
    public int Of(RatingLevel level) => Levels.GetValueOrDefault(level);

    public static LevelTally From(int year, Dictionary<(int Year, RatingLevel Level), int> counts) =>
        new(year, counts.Where(c => c.Key.Year == year).ToDictionary(c => c.Key.Level, c => c.Value));
}
