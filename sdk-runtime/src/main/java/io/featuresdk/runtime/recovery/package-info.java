/**
 * How a feature job survives failures and reruns.
 *
 * <ul>
 *   <li>{@link io.featuresdk.runtime.recovery.DurableCheckpoints}: checkpoints in a directory that
 *       outlives the process, retained when the job fails or is cancelled, and the next run of the
 *       same job resumes from the latest complete one;
 *   <li>{@link io.featuresdk.runtime.recovery.BoundedRestarts}: transient failures (a dropped
 *       connection, a broker that is briefly away) restart the job with exponentially growing
 *       delays, a bounded number of times;
 *   <li>{@link io.featuresdk.runtime.recovery.FatalPipelineException} and
 *       {@link io.featuresdk.runtime.recovery.FailureClassifier}: failures that no restart can fix
 *       (a rejected subscription or API key, a schema mismatch, corrupt input, an unwritable path,
 *       an invalid option) end the job at once with one line that names the cause.
 * </ul>
 *
 * <pre>{@code
 * env.enableCheckpointing(10_000);
 * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
 *     .withDurableCheckpoints(DurableCheckpoints.in(Path.of("feature-store/checkpoints")))
 *     .fromSource(env, source, "ticker")
 *     .insertStream(FeatureStores.local(Path.of("feature-store")));
 * }</pre>
 */
package io.featuresdk.runtime.recovery;
