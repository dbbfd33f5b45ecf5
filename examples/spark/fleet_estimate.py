#!/usr/bin/env python3
"""Estimate the CloudWatch volume and cost of audit policies over a fleet's audit logs with
Apache Spark, exactly as one `auditsim estimate` pass over the same input.

Each partition of the input is piped through `auditsim estimate --shard --format json
--no-suggestions -` in a subprocess on its executor; the summaries (raw integer counts, plus the
requests whose stages may sit in other partitions) are tree-reduced with
`auditsim merge --partial`, and the driver finishes with one `auditsim merge`. The merge law
(README, "Fleet scale") makes the result equal to one pass, whatever the partitioning.

    python3 examples/spark/fleet_estimate.py --auditsim .build/release/auditsim \\
        --master 'local[2]' --policy eks --policy tuned.yaml --out fleet.json 's3a://bucket/audit/*/*.gz'

The binary (or the release archive, `.tar.gz`, holding `auditsim`) and the policy files are
shipped to the executors with SparkContext.addFile / addArchive (spark-submit's --files and
--archives). Give policy files as relative paths: shards name each policy as it was given, and
the names must match across shards.
"""
import argparse
import contextlib
import os
import subprocess
import sys
import tempfile


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--auditsim", required=True, help="the auditsim binary, or a release archive (.tar.gz) holding it")
    parser.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    parser.add_argument("--policy", action="append", default=[], help="a policy file or built-in name (eks); repeat to compare")
    parser.add_argument("--out", required=True, help="where to write the merged estimate JSON")
    parser.add_argument("--partitions", type=int, default=None, help="partitions to read the input into (default: Spark's)")
    parser.add_argument("--whole-files", action="store_true",
                        help="pipe each object whole (CloudWatch JSON documents, EventLists) instead of splitting by lines")
    parser.add_argument("--estimate-option", action="append", default=[],
                        help="an option passed on to every `auditsim estimate` (e.g. --max-event-size=1Mi); pricing options too")
    parser.add_argument("inputs", nargs="+", help="globs Spark reads: file://, s3a://, hdfs:// (gzip is read by Spark)")
    return parser.parse_args(argv)


def shipped_binary(name, archive):
    """The auditsim binary on this executor, as shipped by addFile or addArchive."""
    from pyspark import SparkFiles
    path = SparkFiles.get(name)
    if archive:
        path = os.path.join(path, "auditsim")
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    return path


@contextlib.contextmanager
def policy_directory(policies):
    """A working directory, removed afterwards, where each shipped policy file sits at the path it
    was given as, so that every shard names it alike; built-in policies are passed as they are."""
    from pyspark import SparkFiles
    with tempfile.TemporaryDirectory(prefix="auditsim-") as directory:
        for policy in policies:
            if policy["shipped"]:
                target = os.path.join(directory, policy["arg"])
                os.makedirs(os.path.dirname(target) or directory, exist_ok=True)
                if not os.path.exists(target):
                    os.symlink(SparkFiles.get(policy["shipped"]), target)
        yield directory


def run(command, stdin_bytes, cwd):
    result = subprocess.run(command, input=stdin_bytes, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    if result.returncode != 0:
        raise RuntimeError("%s failed (exit %d): %s" % (command[1], result.returncode, result.stderr.decode("utf-8", "replace")))
    return result.stdout.decode("utf-8")


def main(argv):
    args = parse_arguments(argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("auditsim fleet estimate")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext

    binary = os.path.abspath(args.auditsim)
    archive = binary.endswith(".tar.gz") or binary.endswith(".tgz")
    if archive:
        sc.addArchive(binary)
    else:
        sc.addFile(binary)
    binary_name = os.path.basename(binary)

    policies = []
    for arg in args.policy:
        if os.path.isfile(arg):
            if os.path.isabs(arg):
                sys.exit("error: give policy files as relative paths (%s): shards name policies as given" % arg)
            sc.addFile(os.path.abspath(arg))
            policies.append({"arg": arg, "shipped": os.path.basename(arg)})
        else:
            policies.append({"arg": arg, "shipped": None})
    policy_options = [option for policy in policies for option in ("--policy", policy["arg"])]
    estimate_options = list(args.estimate_option)

    def estimate_partition(records):
        data = b"".join(records)
        if not data.strip():
            return
        command = [shipped_binary(binary_name, archive), "estimate", "--shard", "--format", "json", "--no-suggestions"]
        with policy_directory(policies) as directory:
            summary = run(command + policy_options + estimate_options + ["-"], data, directory)
        yield summary

    def merge_pair(left, right):
        with policy_directory(policies) as directory:
            paths = []
            for index, text in enumerate((left, right)):
                path = os.path.join(directory, "summary-%d.json" % index)
                with open(path, "w") as handle:
                    handle.write(text)
                paths.append(path)
            command = [shipped_binary(binary_name, archive), "merge", "--partial", "--format", "json"]
            return run(command + policy_options + paths, None, directory)

    if args.whole_files:
        # One process per object: a JSON document (or a gzip stream) cannot be concatenated.
        objects = sc.union([sc.binaryFiles(path, minPartitions=args.partitions) for path in args.inputs])
        summaries = objects.flatMap(lambda pair: estimate_partition([pair[1]]))
    else:
        # Bytes, not text: an event is passed on exactly as stored, whatever its encoding.
        lines = sc.union([sc.textFile(path, minPartitions=args.partitions, use_unicode=False) for path in args.inputs])
        summaries = lines.map(lambda line: line + b"\n").mapPartitions(estimate_partition)
    try:
        merged = summaries.treeReduce(merge_pair, depth=2)
    except ValueError:  # an empty RDD: no partition held an event
        sys.exit("error: the inputs hold no audit events")
    spark.stop()

    # The last merge, on the driver: replays the requests still open and prices the whole.
    with tempfile.TemporaryDirectory() as directory:
        partial = os.path.join(directory, "partial.json")
        with open(partial, "w") as handle:
            handle.write(merged)
        local = binary
        if archive:
            subprocess.run(["tar", "-xzf", binary, "-C", directory], check=True)
            local = os.path.join(directory, "auditsim")
        final = run([local, "merge", "--format", "json"] + policy_options + [partial], None, None)
        with open(args.out, "w") as handle:
            handle.write(final)
        sys.stdout.write(run([local, "merge", "--format", "text"] + policy_options + [partial], None, None))


if __name__ == "__main__":
    main(sys.argv[1:])
