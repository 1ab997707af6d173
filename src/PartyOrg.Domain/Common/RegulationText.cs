namespace PartyOrg.Domain.Common;

/// <summary>One regulation text and the days it governs (ValidTo exclusive; null while in force).</summary>
public sealed record RegulationText(string Number, string Title, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool GovernsOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date < ValidTo);
}

/// <summary>The chain of texts behind a rule; a fact is judged by the text in force on the fact's date.</summary>
public sealed class RegulationChain(params RegulationText[] texts)
{
    public IReadOnlyList<RegulationText> Texts { get; } = texts;

    /// <summary>The text in force on the date; facts older than the first text known fall back to it.</summary>
    public RegulationText On(DateOnly date) =>
        Texts.FirstOrDefault(t => t.GovernsOn(date)) ?? Texts[0];
}

/// <summary>The texts that implement the Party Charter (Quy định thi hành Điều lệ Đảng).</summary>
public static class CharterTexts
{
    public static readonly RegulationText Qd29 = new("29-QĐ/TW", "Quy định thi hành Điều lệ Đảng", new(2016, 7, 25), new(2021, 7, 30));
    public static readonly RegulationText Qd24 = new("24-QĐ/TW", "Quy định thi hành Điều lệ Đảng", new(2021, 7, 30), new(2025, 1, 20));
    public static readonly RegulationText Qd232 = new("232-QĐ/TW", "Quy định thi hành Điều lệ Đảng", new(2025, 1, 20), new(2025, 7, 1));
    public static readonly RegulationText Qd294 = new("294-QĐ/TW", "Quy định thi hành Điều lệ Đảng", new(2025, 7, 1), null);

    public static readonly RegulationChain Implementing = new(Qd29, Qd24, Qd232, Qd294);
}
