namespace AgriLink.Web.Tests.Photos;

/// <summary>The S3-compatible server of the test run: tests/run.sh starts s3rver (npm) on loopback and names it here.</summary>
internal static class S3Server
{
    public const string EnvironmentVariable = "AGRILINK_TEST_S3";

    /// <summary>Its URL. Missing is a failure, never a skip: a green run must have tested the cluster's store too.</summary>
    public static string Url =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the S3 object store tests cannot run. Run the tests through tests/run.sh, which " +
                "starts s3rver (npm) on loopback, or start one yourself (npx s3rver@3.7.1 -d /tmp/s3 -a 127.0.0.1 -p 27010) and set " +
                $"{EnvironmentVariable}=http://127.0.0.1:27010.");
}
