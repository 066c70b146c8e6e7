package io.invoicebridge.aot;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeSpec;
import io.micronaut.aot.core.AOTModule;
import io.micronaut.aot.core.Environments;
import io.micronaut.aot.core.Option;
import io.micronaut.aot.core.Runtime;
import io.micronaut.aot.std.sourcegen.AbstractStaticServiceLoaderSourceGenerator;
import io.micronaut.core.io.service.SoftServiceLoader;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * AOT's static service lists for a JVM ({@code serviceloading.jit}) without one lambda per listed
 * class. AOT's own generator starts loading every listed class in the background with a lambda of
 * its own for each; the JVM spins a class for each such lambda at startup, about 420 for a function
 * package, which cost more than the background loading saves. This one loads them in the background
 * through a single lambda and lists the same classes, with the same options.
 *
 * <p>Its id sorts before {@code sealed.property.source}: AOT orders generators by their declared
 * dependencies, else by id, and the property sources read what service loading substituted.
 */
@AOTModule(
    id = LeanServiceLoaderSourceGenerator.ID,
    description = AbstractStaticServiceLoaderSourceGenerator.DESCRIPTION,
    options = {
      @Option(
          key = AbstractStaticServiceLoaderSourceGenerator.SERVICE_TYPES,
          description = "The list of service types to be scanned (comma separated)"),
      @Option(
          key = AbstractStaticServiceLoaderSourceGenerator.REJECTED_CLASSES,
          description = "Implementation types to leave out of the package (comma separated)"),
      @Option(
          key = AbstractStaticServiceLoaderSourceGenerator.FORCE_INCLUDE,
          description =
              "Implementation types to keep even if their requirements fail (comma separated)"),
      @Option(
          key = Environments.POSSIBLE_ENVIRONMENTS_NAMES,
          description = Environments.POSSIBLE_ENVIRONMENTS_DESCRIPTION)
    },
    enabledOn = Runtime.JIT)
public class LeanServiceLoaderSourceGenerator extends AbstractStaticServiceLoaderSourceGenerator {

  public static final String ID = "lean.serviceloading";

  @Override
  protected void generateFindAllMethod(
      Stream<Class<?>> serviceClasses,
      String serviceName,
      Class<?> serviceType,
      TypeSpec.Builder factory) {
    factory.addField(serviceTypes(serviceClasses));
    factory.addStaticBlock(
        CodeBlock.builder()
            .addStatement("$T cl = $T.class.getClassLoader()", ClassLoader.class, serviceType)
            .beginControlFlow("for ($T name : SERVICE_TYPES)", String.class)
            .addStatement("$T.commonPool().execute(() -> loadClass(cl, name))", ForkJoinPool.class)
            .endControlFlow()
            .build());
    factory.addMethod(loadClass(serviceType));
    factory.addMethod(findAll(serviceType));
  }

  private static FieldSpec serviceTypes(Stream<Class<?>> serviceClasses) {
    CodeBlock names =
        serviceClasses
            .map(Class::getName)
            .sorted()
            .map(name -> CodeBlock.of("$S", name))
            .collect(CodeBlock.joining(",\n", "{\n", "\n}"));
    return FieldSpec.builder(String[].class, "SERVICE_TYPES", PRIVATE, STATIC, FINAL)
        .initializer(names)
        .build();
  }

  /** The class, or null when it cannot be loaded at run time (as AOT's own generator does). */
  private static MethodSpec loadClass(Class<?> serviceType) {
    ParameterizedTypeName classOfService = ParameterizedTypeName.get(Class.class, serviceType);
    return MethodSpec.methodBuilder("loadClass")
        .addModifiers(PRIVATE, STATIC)
        .returns(classOfService)
        .addParameter(ClassLoader.class, "cl")
        .addParameter(String.class, "name")
        .beginControlFlow("try")
        .addStatement("return ($T) cl.loadClass(name)", classOfService)
        .nextControlFlow("catch ($T | $T e)", ClassNotFoundException.class, LinkageError.class)
        .addStatement("return null")
        .endControlFlow()
        .build();
  }

  private static MethodSpec findAll(Class<?> serviceType) {
    ParameterizedTypeName definition =
        ParameterizedTypeName.get(SoftServiceLoader.StaticDefinition.class, serviceType);
    return MethodSpec.methodBuilder("findAll")
        .addModifiers(PUBLIC)
        .addParameter(ParameterizedTypeName.get(Predicate.class, String.class), "predicate")
        .returns(ParameterizedTypeName.get(ClassName.get(Stream.class), definition))
        .addStatement("$T cl = $T.class.getClassLoader()", ClassLoader.class, serviceType)
        .addStatement(
            "return $T.stream(SERVICE_TYPES).parallel().filter(predicate::test)"
                + ".map(name -> loadClass(cl, name)).filter($T::nonNull)"
                + ".map(c -> $T.of(c.getName(), c))",
            Arrays.class,
            Objects.class,
            SoftServiceLoader.StaticDefinition.class)
        .build();
  }
}
