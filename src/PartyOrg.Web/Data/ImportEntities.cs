namespace PartyOrg.Web.Data;

public enum ImportKind
{
    Members,
    Organizations,
}

public enum ImportState
{
    /// <summary>Being read, checked or written in the background.</summary>
    Running,
    /// <summary>Checked without writing (a preview): the counts say what a commit would do.</summary>
    Previewed,
    /// <summary>Every row written in one transaction.</summary>
    Committed,
    /// <summary>Nothing written: bad rows (listed in <see cref="ImportError"/>), an unreadable file, or an interruption.</summary>
    Refused,
}

/// <summary>
/// One import of a file: who sent it, where it stands and what it did. The file stays on disk while the job runs (and after a
/// preview, so that the commit reads the same bytes); the records it wrote carry audit entries of action "Imported" naming it.
/// </summary>
public sealed class ImportJob
{
    public int Id { get; set; }
    public ImportKind Kind { get; set; }
    public ImportState State { get; set; }
    /// <summary>Check and count only; a later commit of the same job writes.</summary>
    public bool PreviewOnly { get; set; }
    public required string UserName { get; set; }
    public required string FileName { get; set; }
    /// <summary>Where the uploaded bytes are kept (under the Imports:Folder setting).</summary>
    public required string StoredPath { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Created { get; set; }
    public int Changed { get; set; }
    public int Unchanged { get; set; }
    public int ErrorCount { get; set; }
    /// <summary>Why the whole file was refused when no row is to blame (unreadable file, interruption).</summary>
    public string? Message { get; set; }
    public string? Ip { get; set; }
}

/// <summary>A bad cell of an import: the row in the file (the header is row 1), the column's header and the Vietnamese reason.</summary>
public sealed class ImportError
{
    public long Id { get; set; }
    public int JobId { get; set; }
    public int Row { get; set; }
    public required string Column { get; set; }
    public required string Message { get; set; }
}
