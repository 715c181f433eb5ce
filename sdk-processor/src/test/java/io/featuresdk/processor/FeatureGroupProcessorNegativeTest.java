package io.featuresdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One misuse per test: each input in {@code bad/} must fail with the documented id, on the line
 * that holds the mistake.
 */
class FeatureGroupProcessorNegativeTest {
  private static final JavaFileObject TICKER = JavaFileObjects.forResource("good/Ticker.java");

  private static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new FeatureGroupProcessor()).compile(sources);
  }

  /** Compiles {@code bad/<name>.java} with the Ticker source and expects exactly that error. */
  private static Compilation assertError(String name, String message, String line) {
    JavaFileObject file = JavaFileObjects.forResource("bad/" + name + ".java");
    Compilation compilation = compile(TICKER, file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    return compilation;
  }

  private static final Pattern SUGGESTION = Pattern.compile("e\\.g\\. \\w+ = \"([^\"]*)\"");

  /**
   * Applies the fix the diagnostic of {@code compilation} suggests (its {@code e.g. x = "..."}),
   * by replacing {@code wrong} in {@code bad/<name>.java} with {@code fixed} formatted with the
   * suggestion, and expects the result to compile without any diagnostic of the fixed kind.
   */
  private static void assertSuggestedFixCompiles(
      Compilation compilation, String name, String id, String wrong, String fixed) {
    String message = compilation.diagnostics().stream()
        .map(d -> d.getMessage(null))
        .filter(m -> m.startsWith("[" + id + "]"))
        .findFirst()
        .orElseThrow();
    Matcher suggestion = SUGGESTION.matcher(message);
    if (!suggestion.find()) {
      throw new AssertionError("no suggested fix in: " + message);
    }
    String source = resource("bad/" + name + ".java");
    if (!source.contains(wrong)) {
      throw new AssertionError(name + " does not contain " + wrong);
    }
    String repaired = source.replace(wrong, String.format(fixed, suggestion.group(1)));
    Compilation again = compile(TICKER, JavaFileObjects.forSourceString("test." + name, repaired));
    assertThat(again).succeeded();
    for (Diagnostic<? extends JavaFileObject> diagnostic : again.diagnostics()) {
      if (diagnostic.getMessage(null).startsWith("[" + id + "]")) {
        throw new AssertionError("the suggested fix " + suggestion.group(1)
            + " still gives: " + diagnostic.getMessage(null));
      }
    }
  }

  @Test
  void unknownSourceFieldNamesTheReadableFields() {
    assertError("UnknownSourceField",
        "[FSDK020] Source type Ticker has no field \"prize\". Readable fields: lastSize, price,"
            + " productId, time.",
        "@Avg(\"prize\")");
  }

  @Test
  void sumOverAStringIsRejected() {
    assertError("NonNumericSum", "[FSDK023] @Sum needs a numeric source field", "@Sum(\"productId\")");
  }

  @Test
  void minIntoAnIntOverDoublesCannotHoldTheValue() {
    assertError("MinIntOverDouble", "[FSDK024] Field priceMin of type int cannot hold @Min",
        "@Min(\"price\") int priceMin");
  }

  @Test
  void averageIntoALongIsRejected() {
    assertError("AvgIntoLong", "[FSDK024] Field priceAvg of type long cannot hold @Avg",
        "@Avg(\"price\") long priceAvg");
  }

  @Test
  void countIntoADoubleIsRejected() {
    assertError("CountIntoDouble", "[FSDK024] Field trades of type double cannot hold @Count",
        "@Count double trades");
  }

  @Test
  void sampleVarianceIntoAPrimitiveIsRejectedForItsMissingValue() {
    assertError("SampleVarianceIntoPrimitive",
        "[FSDK040] Field priceVariance is a primitive double, but the sample @Variance has no"
            + " value for fewer than two values (it divides by n - 1). Declare the field as Double.",
        "@Variance(\"price\") double priceVariance");
  }

  @Test
  void standardDeviationIntoAFloatIsRejected() {
    assertError("StdDevIntoFloat", "[FSDK024] Field priceStdDev of type Float cannot hold @StdDev",
        "@StdDev(\"price\") Float priceStdDev");
  }

  @Test
  void standardDeviationOfAStringIsRejected() {
    assertError("StdDevOfString", "[FSDK023] @StdDev needs a numeric source field",
        "@StdDev(\"productId\")");
  }

  @Test
  void populationVarianceOfANullableSourceIntoAPrimitiveIsRejected() {
    assertError("PopulationVarianceOfNullable",
        "[FSDK025] Field sizeVariance is a primitive double, but its source Ticker.lastSize is a"
            + " nullable Double",
        "double sizeVariance");
  }

  @Test
  void whereNamingANonBooleanIsRejected() {
    assertError("WhereNotBoolean",
        "[FSDK041] where = \"price\" must select events with a boolean, but price is double.",
        "@Count(where = \"price\")");
  }

  @Test
  void whereNamingNothingListsTheReadableFields() {
    assertError("WhereUnknown",
        "[FSDK020] Source type Ticker has no field \"online\". Readable fields: lastSize, price,"
            + " productId, time.",
        "@Count(where = \"online\")");
  }

  @Test
  void filteredMinimumIntoAPrimitiveIsRejectedForWindowsWithoutMatches() {
    assertError("FilteredMinIntoPrimitive",
        "[FSDK040] Field upMin is a primitive double, but @Min where = \"up\" has no value for a"
            + " window in which no event matches. Declare the field as Double.",
        "@Min(value = \"price\", where = \"up\") double upMin");
  }

  @Test
  void derivedInputTakingSomethingElseThanTheEventIsRejected() {
    assertError("DerivedInputWrongParameter",
        "[FSDK042] Static method DerivedInputWrongParameter.notional cannot compute an input from"
            + " the event: it takes (java.lang.String), not one Ticker.",
        "@Sum(\"notional\")");
  }

  @Test
  void privateDerivedInputIsRejected() {
    assertError("DerivedInputPrivate",
        "[FSDK042] Static method DerivedInputPrivate.notional cannot compute an input from the"
            + " event: it is private.",
        "@Sum(\"notional\")");
  }

  @Test
  void derivedInputNamedLikeASourceFieldIsAmbiguous() {
    assertError("DerivedInputAmbiguous",
        "[FSDK043] \"price\" names both source field Ticker.price and static method"
            + " DerivedInputAmbiguous.price; rename the method.",
        "@Sum(\"price\")");
  }

  @Test
  void derivedInputOfATypeFeaturesCannotCarryIsRejected() {
    assertError("DerivedInputUnsupportedType",
        "[FSDK022] Source field DerivedInputUnsupportedType.notional(event) has type"
            + " java.math.BigDecimal",
        "@Sum(\"notional\")");
  }

  @Test
  void derivedFeatureWithoutItsMethodIsRejected() {
    assertError("DerivedWithoutMethod",
        "[FSDK044] @Derived(\"spread\") on field spread cannot be computed: the class has no"
            + " method spread(). Declare a non-private instance method \"double spread()\" in"
            + " DerivedWithoutMethod",
        "@Derived(\"spread\")");
  }

  @Test
  void derivedFeatureMethodOfAnotherTypeIsRejected() {
    assertError("DerivedWrongReturnType",
        "[FSDK044] @Derived(\"spread\") on field spread cannot be computed: spread() returns"
            + " java.lang.Double.",
        "@Derived(\"spread\")");
  }

  @Test
  void staticDerivedFeatureMethodIsRejected() {
    assertError("DerivedStaticMethod",
        "[FSDK044] @Derived(\"spread\") on field spread cannot be computed: spread() is static.",
        "@Derived(\"spread\")");
  }

  @Test
  void percentileOutsideZeroToOneIsRejectedOnP() {
    Compilation compilation = assertError("PercentileOutOfRange",
        "[FSDK045] p = 95.0 is outside what @ApproxPercentile supports, 0 (the minimum) to 1 (the"
            + " maximum). Use a value in that range, e.g. p = 0.95.",
        "p = 95");
    assertSuggestedValueCompiles(compilation, "PercentileOutOfRange", "p = 95");
  }

  @Test
  void percentileSketchTooSmallIsRejectedOnK() {
    Compilation compilation = assertError("PercentileKTooSmall",
        "[FSDK045] k = 4 is outside what @ApproxPercentile supports, 8 to 65535.", "k = 4");
    assertSuggestedValueCompiles(compilation, "PercentileKTooSmall", "k = 4");
  }

  @Test
  void distinctCountSketchTooLargeIsRejectedOnLgK() {
    Compilation compilation = assertError("DistinctLgKTooLarge",
        "[FSDK045] lgK = 30 is outside what @ApproxCountDistinct supports, 4 to 21.", "lgK = 30");
    assertSuggestedValueCompiles(compilation, "DistinctLgKTooLarge", "lgK = 30");
  }

  private static final Pattern SUGGESTED_VALUE =
      Pattern.compile("e\\.g\\. (\\w+ = [0-9]+(\\.[0-9]+)?)");

  /** Replaces {@code wrong} with the {@code e.g. member = value} of the FSDK045 message. */
  private static void assertSuggestedValueCompiles(
      Compilation compilation, String name, String wrong) {
    String message = compilation.diagnostics().stream()
        .map(d -> d.getMessage(null))
        .filter(m -> m.startsWith("[FSDK045]"))
        .findFirst()
        .orElseThrow();
    Matcher suggestion = SUGGESTED_VALUE.matcher(message);
    if (!suggestion.find()) {
      throw new AssertionError("no suggested value in: " + message);
    }
    String repaired = resource("bad/" + name + ".java").replace(wrong, suggestion.group(1));
    assertThat(compile(TICKER, JavaFileObjects.forSourceString("test." + name, repaired)))
        .succeeded();
  }

  @Test
  void distinctCountOfInstantsIsRejected() {
    assertError("DistinctOfInstants",
        "[FSDK046] @ApproxCountDistinct counts distinct numbers and strings, but Ticker.time is"
            + " Instant.",
        "@ApproxCountDistinct(\"time\")");
  }

  @Test
  void percentileIntoALongIsRejected() {
    assertError("PercentileIntoLong",
        "[FSDK024] Field median of type long cannot hold @ApproxPercentile",
        "long median");
  }

  @Test
  void exactDistinctCountWithoutABoundIsRejected() {
    assertError("CountDistinctWithoutMax",
        "[FSDK047] max is required: @CountDistinct keeps every distinct value in state, so it"
            + " needs a bound.",
        "@CountDistinct(\"productId\")");
  }

  @Test
  void exactDistinctCountWithAHugeBoundIsRejected() {
    assertError("CountDistinctMaxTooLarge",
        "[FSDK045] max = 5000000 is outside what @CountDistinct supports, 1 to 100000.",
        "max = 5000000");
  }

  @Test
  void valuesByTimeWithoutNAreRejected() {
    assertError("LastNWithoutN",
        "[FSDK050] n is required: it bounds how many values @LastN returns and keeps in state.",
        "@LastN(\"price\")");
  }

  @Test
  void topKWithoutKIsRejected() {
    assertError("TopKWithoutK",
        "[FSDK050] k is required: it bounds how many values @TopK returns and keeps in state."
            + " Set it, e.g. k = 5.",
        "@TopK(\"productId\")");
  }

  @Test
  void topKSketchBeyondItsRangeIsRejected() {
    assertError("TopKSketchTooLarge",
        "[FSDK045] lgMaxMapSize = 25 is outside what @TopK supports, 3 to 20.",
        "lgMaxMapSize = 25");
  }

  @Test
  void topKLargerThanTheSketchTracksIsRejected() {
    assertError("TopKLargerThanTheSketch",
        "[FSDK045] k = 100 is outside what @TopK supports, 1 to 24 for lgMaxMapSize = 5. Use a"
            + " value in that range, e.g. k = 10.",
        "k = 100");
  }

  @Test
  void valuesByTimeWithTooLargeNAreRejected() {
    assertError("FirstNTooMany",
        "[FSDK045] n = 5000 is outside what @FirstN supports, 1 to 1000.", "n = 5000");
  }

  @Test
  void valuesByTimeNeedAListField() {
    assertError("LastNIntoDouble",
        "[FSDK024] Field lastPrice of type double cannot hold @LastN of Ticker.price (double): the"
            + " values are kept unchanged, in a list. Declare the field as List<Double>.",
        "double lastPrice");
  }

  @Test
  void valuesByTimeNeedTheSourcesElementType() {
    assertError("LastNWrongElement",
        "[FSDK024] Field lastPrices of type List<Long> cannot hold @LastN of Ticker.price (double)",
        "List<Long> lastPrices");
  }

  @Test
  void singleValueAggregateIntoAListIsRejected() {
    assertError("SumIntoList",
        "[FSDK048] Field sums is a List<Double>, but @Sum gives one value.", "List<Double> sums");
  }

  @Test
  void valuesByTimeOfATypeWithoutArrayElementAreRejected() {
    assertError("LastNOfInstants",
        "[FSDK049] @LastN keeps values in an array of int, long, float, double, boolean or string,"
            + " but Ticker.time is Instant.",
        "@LastN(value = \"time\", n = 3)");
  }

  @Test
  void listOfAnUnsupportedElementHasNoStoreType() {
    assertError("ListOfUnsupportedElement",
        "[FSDK032] Feature field lastPrices has type java.util.List<java.lang.Number>, which has no"
            + " feature store type. Use a primitive, its box, String, Instant, or a List of Integer,"
            + " Long, Float, Double, Boolean or String.",
        "List<Number> lastPrices");
  }

  @Test
  void windowSizeMustBeAMultipleOfTheSlide() {
    assertError("SizeNotMultipleOfSlide",
        "[FSDK012] Window size 5m is not a positive multiple of its slide 2m",
        "@SlidingWindow(size = \"5m\", slide = \"2m\")");
  }

  @Test
  void badWindowInsideARepeatedListIsReportedOnItsOwnLine() {
    assertError("BadWindowInsideRepeatedList",
        "[FSDK012] Window size 7m is not a positive multiple of its slide 2m",
        "@SlidingWindow(size = \"7m\", slide = \"2m\")");
  }

  @Test
  void unparsableDurationListsTheAcceptedForms() {
    assertError("UnparsableDuration",
        "[FSDK010] Window size \"5 minutes\" is not a duration. Write a whole number and a unit",
        "@TumblingWindow(size = \"5 minutes\")");
  }

  @Test
  void zeroWindowSizeIsRejected() {
    assertError("ZeroWindowSize", "[FSDK011] Window size \"0s\" must be longer than zero",
        "@TumblingWindow(size = \"0s\")");
  }

  @Test
  void negativeMaxOutOfOrdernessIsRejected() {
    assertError("NegativeOutOfOrderness", "[FSDK013] maxOutOfOrderness \"-5s\" is negative",
        "maxOutOfOrderness = \"-5s\"");
  }

  @Test
  void aPrimaryKeyIsRequired() {
    assertError("NoPrimaryKey", "[FSDK014] @FeatureGroup class NoPrimaryKey has no @PrimaryKey",
        "@FeatureGroup(");
  }

  @Test
  void aWindowEndIsRequired() {
    assertError("NoWindowEnd", "[FSDK015] @FeatureGroup class NoWindowEnd has no @WindowEnd",
        "@FeatureGroup(");
  }

  @Test
  void featureNamesMustBeUnique() {
    assertError("DuplicateFeatureName",
        "[FSDK017] Feature name \"price_min\" of field priceMax is already used by field priceMin",
        "name = \"price_min\"");
  }

  @Test
  void explicitFeatureNameMustSuitHopsworks() {
    assertError("InvalidExplicitFeatureName",
        "[FSDK018] Feature name \"Trade-Count\" is not a valid Hopsworks feature name",
        "name = \"Trade-Count\"");
  }

  @Test
  void groupNameMustBeLowercase() {
    assertError("InvalidGroupName",
        "[FSDK006] Feature group name \"ETH_prices_1m\" (rendered for window 1m)",
        "name = \"ETH_prices_{window}\"");
  }

  @Test
  void renderedGroupNameMustFitIn63Characters() {
    assertError("GroupNameTooLong", "it has 64 characters", "name = \"aaaa");
    assertError("GroupNameTooLong", "[FSDK006]", "name = \"aaaa");
  }

  @Test
  void severalWindowsNeedTheWindowPlaceholder() {
    assertError("WindowPlaceholderMissing",
        "[FSDK007] @FeatureGroup name \"eth_prices\" has no {window} placeholder",
        "name = \"eth_prices\"");
  }

  @Test
  void windowsRenderingTheSameGroupNameCollide() {
    assertError("WindowNameCollision",
        "[FSDK008] Window @TumblingWindow(size = \"5m\") renders the group name \"prices_5m\"",
        "@TumblingWindow(size = \"5m\")");
  }

  @Test
  void aWindowIsRequired() {
    assertError("NoWindow", "[FSDK009] @FeatureGroup class NoWindow declares no window",
        "@FeatureGroup(");
  }

  @Test
  void aNoArgumentConstructorIsRequired() {
    assertError("NoNoArgConstructor",
        "[FSDK003] @FeatureGroup class NoNoArgConstructor has no non-private no-argument",
        "@FeatureGroup(");
  }

  @Test
  void privateFieldNeedsASetter() {
    assertError("PrivateFieldWithoutSetter",
        "[FSDK004] Feature field trades is private and lacks a setter setTrades(long)",
        "@Count private long trades");
  }

  @Test
  void finalFieldIsRejected() {
    assertError("FinalFeatureField", "[FSDK033] Feature field trades is final", "@Count final");
  }

  @Test
  void innerClassIsRejected() {
    assertError("InnerFeatureClass",
        "[FSDK002] @FeatureGroup class Inner is an inner (non-static) class", "@FeatureGroup(");
  }

  @Test
  void abstractClassIsRejected() {
    assertError("AbstractFeatureClass",
        "[FSDK001] @FeatureGroup must annotate a concrete class, but AbstractFeatureClass is"
            + " abstract",
        "@FeatureGroup(");
  }

  @Test
  void unknownEventTimeFieldNamesTheReadableFields() {
    assertError("UnknownEventTime",
        "[FSDK026] eventTime \"timestamp\" is not a readable field of source type Ticker."
            + " Readable fields: lastSize, price, productId, time.",
        "eventTime = \"timestamp\"");
  }

  @Test
  void eventTimeMustBeAnInstantOrALong() {
    assertError("EventTimeWrongType",
        "[FSDK027] eventTime field Ticker.price is double, but must be an Instant or a long",
        "eventTime = \"price\"");
  }

  @Test
  void versionMustBePositive() {
    assertError("VersionZero", "[FSDK005] @FeatureGroup version must be at least 1, but is 0",
        "version = 0");
  }

  @Test
  void aFieldHoldsOneFeature() {
    assertError("TwoRoles", "[FSDK019] Field price has both @Min and @Max", "@Max(\"price\")");
  }

  @Test
  void nullableSourceCannotFeedAPrimitiveField() {
    assertError("NullableIntoPrimitive",
        "[FSDK025] Field volume is a primitive double, but its source Ticker.lastSize is a"
            + " nullable Double",
        "@Sum(\"lastSize\") double volume");
  }

  @Test
  void windowEndMustBeATime() {
    assertError("WindowEndNotATime",
        "[FSDK028] @WindowEnd field timestamp is String, but must be an Instant or a long",
        "@WindowEnd String timestamp");
  }

  @Test
  void keyMustBeOfAKeyType() {
    assertError("KeyOfUnsupportedType",
        "[FSDK029] @PrimaryKey field price: source field price is a double",
        "@PrimaryKey(from = \"price\")");
  }

  @Test
  void featureTypeMustHaveAStoreType() {
    assertError("UnsupportedFeatureType",
        "[FSDK032] Feature field open has type java.math.BigDecimal", "BigDecimal open");
  }

  @Test
  void sourceFieldWithoutAccessorIsNamedAsUnreadable() {
    JavaFileObject source = JavaFileObjects.forResource("bad/SecretTicker.java");
    JavaFileObject file = JavaFileObjects.forResource("bad/UnreadableSourceField.java");
    Compilation compilation = compile(TICKER, source, file);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[FSDK021] Source field SecretTicker.secret is not accessible from"
            + " package test and has no accessible getter getSecret()")
        .inFile(file)
        .onLineContaining("@Sum(\"secret\")");
  }

  @Test
  void unresolvableSourceTypeIsReportedWhenProcessingEnds() {
    assertError("UnresolvedSource",
        "[FSDK030] Source type of @FeatureGroup class UnresolvedSource could not be resolved",
        "public class UnresolvedSource");
  }

  @Test
  void unannotatedFieldIsAWarningNotAnError() {
    JavaFileObject file = JavaFileObjects.forResource("bad/UnannotatedField.java");
    Compilation compilation = compile(TICKER, file);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[FSDK031] Field note has no feature annotation and is ignored")
        .inFile(file)
        .onLineContaining("String note");
  }

  @Test
  void everyProblemOfAClassIsReportedInOneCompilation() {
    JavaFileObject file = JavaFileObjects.forResource("bad/ManyProblems.java");
    Compilation compilation = compile(TICKER, file);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[FSDK005]").inFile(file)
        .onLineContaining("version = 0");
    assertThat(compilation).hadErrorContaining("[FSDK012]").inFile(file)
        .onLineContaining("@SlidingWindow");
    assertThat(compilation).hadErrorContaining("[FSDK020]").inFile(file)
        .onLineContaining("@Avg(\"prize\")");
  }

  @Test
  void onlyOneWindowEndIsAllowed() {
    assertError("SeveralWindowEnds",
        "[FSDK016] Field endMillis is a second @WindowEnd; timestamp already is one",
        "@WindowEnd long endMillis");
  }

  @Test
  void sourceFieldOfAnUnsupportedTypeIsRejected() {
    assertError("UnsupportedSourceType",
        "[FSDK022] Source field Order.amount has type java.math.BigDecimal",
        "@Sum(\"amount\")");
  }

  @Test
  void recordIsNotAFeatureClass() {
    assertError("RecordFeatureClass",
        "[FSDK001] @FeatureGroup must annotate a concrete class, but RecordFeatureClass is a record",
        "@FeatureGroup(");
  }

  @Test
  void aProcessorCrashBecomesAnErrorWithStackTraceOnTheClass() {
    // An @Sum without value() (shadowing the real one) makes the validator throw.
    JavaFileObject file = JavaFileObjects.forResource("bad/CrashingFeatures.java");
    Compilation compilation =
        compile(TICKER, JavaFileObjects.forResource("bad/shadow/Sum.java"), file);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[FSDK099] The featuresdk processor failed on test.CrashingFeatures")
        .inFile(file)
        .onLineContaining("public class CrashingFeatures");
    assertThat(compilation).hadErrorContaining("at io.featuresdk.processor.FeatureGroupValidator");
  }

  // ---- a new user's first day (issue 11 points 6, 7, 8) ----

  @Test
  void durationOverflowingLongMillisIsAnErrorOnTheMemberNotACrash() {
    assertError("DurationOverflow",
        "[FSDK035] Window size \"9999999999999999999d\" is longer than 100 years",
        "@TumblingWindow(size = \"9999999999999999999d\")");
  }

  @Test
  void durationWhoseMillisOverflowIsAnErrorOnTheMemberNotACrash() {
    assertError("MillisOverflow",
        "[FSDK035] Window slide \"106751991167300d\" is longer than 100 years",
        "slide = \"106751991167300d\"");
  }

  @Test
  void isoDurationBeyondMillisIsTooLongNotUnparsable() {
    assertError("IsoDurationOverflow",
        "[FSDK035] maxOutOfOrderness \"PT2562047788015215H\" is longer than 100 years",
        "maxOutOfOrderness = \"PT2562047788015215H\"");
  }

  @Test
  void staticFeatureFieldIsAnError() {
    Compilation compilation = assertError("StaticFeatureField",
        "[FSDK034] Field trades is static, so it belongs to no row and cannot hold @Count",
        "@Count static long trades");
    assertThat(compilation).hadErrorCount(1);
    Compilation fixed = compile(TICKER, JavaFileObjects.forSourceString("test.StaticFeatureField",
        resource("bad/StaticFeatureField.java").replace("static long", "long")));
    assertThat(fixed).succeededWithoutWarnings();
  }

  @Test
  void transientFeatureFieldIsAnError() {
    assertError("TransientFeatureField",
        "[FSDK034] Field priceAvg is transient, so it belongs to no row and cannot hold @Avg",
        "transient double priceAvg");
  }

  @Test
  void emptyGroupNameGetsASuggestionThatIsItselfValid() {
    Compilation compilation = assertError("EmptyGroupName",
        "[FSDK007] @FeatureGroup name \"\" has no {window} placeholder", "name = \"\"");
    assertSuggestedFixCompiles(compilation, "EmptyGroupName", "FSDK007",
        "name = \"\"", "name = \"%s\"");
  }

  @Test
  void mistypedPlaceholderGetsASuggestionThatIsItselfValid() {
    Compilation compilation = assertError("MistypedPlaceholder",
        "e.g. name = \"windows_{window}\"", "name = \"{windows}\"");
    assertSuggestedFixCompiles(compilation, "MistypedPlaceholder", "FSDK007",
        "name = \"{windows}\"", "name = \"%s\"");
  }

  @Test
  void leadingUnderscoreInGroupNameGetsASuggestionThatIsItselfValid() {
    Compilation compilation = assertError("LeadingUnderscoreGroupName",
        "[FSDK006] Feature group name \"_prices_1m\"", "name = \"_prices_{window}\"");
    assertSuggestedFixCompiles(compilation, "LeadingUnderscoreGroupName", "FSDK006",
        "name = \"_prices_{window}\"", "name = \"%s\"");
  }

  @Test
  void leadingUnderscoreInFeatureNameGetsASuggestionThatIsItselfValid() {
    Compilation compilation = assertError("LeadingUnderscoreFeatureName",
        "[FSDK018] Feature name \"_trades\" is not a valid Hopsworks feature name",
        "@Count long _trades");
    assertSuggestedFixCompiles(compilation, "LeadingUnderscoreFeatureName", "FSDK018",
        "@Count long", "@Count(name = \"%s\") long");
  }

  @Test
  void primitiveSourceIsReportedOnTheSourceMember() {
    assertError("PrimitiveSource", "[FSDK036] source = int.class is an int", "source = int.class");
  }

  @Test
  void arraySourceIsReportedOnTheSourceMember() {
    assertError("ArraySource", "[FSDK036] source = test.Ticker[].class is an array",
        "source = Ticker[].class");
  }

  @Test
  void featuresDeclaredInASuperclassAreNamedNotIgnored() {
    assertError("InheritedFeatures",
        "[FSDK037] Superclass InheritedFeaturesBase declares feature fields (ticker, trades), but features are"
            + " read only from the @FeatureGroup class itself",
        "@FeatureGroup(");
  }

  @Test
  void interfaceIsAnInterfaceInGoodEnglish() {
    assertError("InterfaceFeatureClass",
        "[FSDK001] @FeatureGroup must annotate a concrete class, but InterfaceFeatureClass is an"
            + " interface.",
        "@FeatureGroup(");
  }

  @Test
  void slidingAndTumblingDayCollideWithDurationsQuotedAsWrittenAndALabelFixesIt() {
    Compilation compilation = assertError("DayWindowsCollide",
        "[FSDK008] Window @TumblingWindow(size = \"1d\") renders the group name"
            + " \"card_spend_1d\", which window @SlidingWindow(size = \"24h\", slide = \"1h\")"
            + " already uses",
        "@TumblingWindow(size = \"1d\")");
    assertSuggestedFixCompiles(compilation, "DayWindowsCollide", "FSDK008",
        "@TumblingWindow(size = \"1d\")", "@TumblingWindow(size = \"1d\", label = \"%s\")");
  }

  @Test
  void invalidWindowLabelIsReportedOnTheLabelWithAValidOne() {
    Compilation compilation = assertError("InvalidWindowLabel",
        "[FSDK039] Window label \"24H-Sliding\" cannot be part of a feature group name",
        "label = \"24H-Sliding\"");
    assertSuggestedFixCompiles(compilation, "InvalidWindowLabel", "FSDK039",
        "label = \"24H-Sliding\"", "label = \"%s\"");
  }

  @Test
  void aWindowOfTooManySlidesIsAWarningThatNamesTheCostAndACoarserSlide() {
    JavaFileObject file = JavaFileObjects.forResource("bad/TooManySlides.java");
    Compilation compilation = compile(TICKER, file);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[FSDK038] Window size 7d sliding every 1ms spans 604,800,000"
            + " slides: per key, state holds up to 604,800,000 slice accumulators")
        .inFile(file)
        .onLineContaining("@SlidingWindow(size = \"7d\", slide = \"1ms\")");
    assertThat(compilation).hadWarningContaining("e.g. slide = \"5m\"");
    Compilation fixed = compile(TICKER, JavaFileObjects.forSourceString("test.TooManySlides",
        resource("bad/TooManySlides.java").replace("slide = \"1ms\"", "slide = \"5m\"")));
    assertThat(fixed).succeededWithoutWarnings();
  }

  private static String resource(String name) {
    try {
      return JavaFileObjects.forResource(name).getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
