namespace AgriLink.Web.Photos;

/// <summary>An S3-compatible object store (MinIO, s3rver, AWS S3) for <c>Photos:Store=S3</c>.</summary>
public sealed class S3StoreOptions
{
    /// <summary>The service's URL, e.g. <c>http://minio:9000</c>; unset means AWS S3 in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "agrilink-photos";

    public string? AccessKey { get; set; }

    /// <summary>The secret key itself, or (better) a file holding it in <see cref="SecretKeyFile"/>.</summary>
    public string? SecretKey { get; set; }

    public string? SecretKeyFile { get; set; }

    /// <summary>Path-style URLs (<c>host/bucket/key</c>), as MinIO and s3rver expect.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Create the bucket at start when it is missing.</summary>
    public bool CreateBucket { get; set; } = true;
}
