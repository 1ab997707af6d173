namespace PartyOrg.Domain.Common;

/// <summary>A validation failure: <paramref name="Field"/> is the API property name, the message is Vietnamese and names the field.</summary>
public sealed record FieldError(string Field, string Message);
