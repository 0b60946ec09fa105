using System.ComponentModel.DataAnnotations;

namespace AgriLink.Web.Photos;

/// <summary>Photo uploads and where their files are kept (section <c>Photos</c>).</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>
    /// The largest form a page's photo upload takes at the default <see cref="MaxBytes"/> (the file and the form around it),
    /// for the upload pages' request limits (attributes need a constant).
    /// </summary>
    public const long DefaultFormLimit = 10 * 1024 * 1024 + 64 * 1024;

    /// <summary>An upload's largest size in bytes (10 MB).</summary>
    [Range(1, 64 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The most pixels an upload may declare (width × height in its header, read before anything is decoded): a small file
    /// may declare a huge image (a decompression bomb). 40 MP covers every phone camera's default output.
    /// </summary>
    [Range(1, 200_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary><c>FileSystem</c> (the data folder's <c>objects/</c>; the embedded default) or <c>S3</c> (cluster mode).</summary>
    public ObjectStoreKind Store { get; set; } = ObjectStoreKind.FileSystem;

    public S3StoreOptions S3 { get; set; } = new();
}

public enum ObjectStoreKind
{
    FileSystem,
    S3,
}
