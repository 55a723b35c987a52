package dev.starterkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml against the CloudFormation resource specification and the SAM documentation. */
class TemplateSpecificationTest {

    private static TemplateValidator validator;
    private static ReferenceValidator references;

    @BeforeAll
    static void loadSpecification() throws Exception {
        ResourceSpecification spec = ResourceSpecification.get();
        assertThat(spec.resourceCount()).as("resource types in the specification").isGreaterThan(1_000);
        validator = new TemplateValidator(spec);
        references = new ReferenceValidator(spec);
    }

    @Test
    void template_shouldUseOnlyKnownTypesAndPropertiesWithEveryRequiredOne_whenCheckedAgainstTheSpecification()
        throws Exception {
        // GIVEN the template
        CfnTemplate template = CfnTemplate.load(ProjectFiles.template());

        // WHEN
        List<String> problems = validator.validate(template);

        // THEN
        assertThat(template.resources()).hasSizeGreaterThan(30);
        assertThat(problems).as("problems in template.yaml").isEmpty();
    }

    @Test
    void template_shouldReferToDefinedResourcesAndExistingAttributes_whenItUsesRefGetAttAndSub() throws Exception {
        CfnTemplate template = CfnTemplate.load(ProjectFiles.template());

        assertThat(references.validate(template)).as("references in template.yaml").isEmpty();
    }

    @Test
    void references_shouldReportUndefinedNamesAndMissingAttributes_whenATemplateHasThem() {
        CfnTemplate template = CfnTemplate.parse("""
            Parameters:
              Stage:
                Type: String
            Resources:
              Cache:
                Type: AWS::ElastiCache::ServerlessCache
                Properties:
                  Engine: valkey
                  ServerlessCacheName: !Sub "c-${Stage}"
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  AutoPublishAlias: live
                  Environment:
                    Variables:
                      A: !GetAtt Cache.Endpoint.Host
                      B: !Ref Missing
                      C: !Sub "${Cache.Endpoint.Address}:${Nowhere}"
                      D: !Ref Fn.Version
                      E: !Ref Other.Alias
            """);

        assertThat(references.validate(template)).containsExactlyInAnyOrder(
            "Resources.Fn.Properties.Environment.Variables.A: AWS::ElastiCache::ServerlessCache has no attribute "
                + "Endpoint.Host",
            "Resources.Fn.Properties.Environment.Variables.B: Ref to Missing, which the template does not define",
            "Resources.Fn.Properties.Environment.Variables.C: Ref to Nowhere, which the template does not define",
            "Resources.Fn.Properties.Environment.Variables.E: Ref to Other.Alias, which the template does not "
                + "define");
    }

    @Test
    void validate_shouldReportEachMistake_whenATemplateHasThem() {
        // GIVEN a misspelt property, a missing required one, a wrong nested property, an unknown type, a SAM
        // property SAM does not document, an event property that does not exist and a custom resource without token
        CfnTemplate template = CfnTemplate.parse("""
            Resources:
              Proxy:
                Type: AWS::RDS::DBProxy
                Properties:
                  DBProxyName: p
                  EngineFamily: POSTGRESQL
                  RoleArn: !GetAtt Role.Arn
                  VpcSubnetIds: [a, b]
                  RequireTls: true
                  Auth:
                    - AuthScheme: SECRETS
                      SecretArns: x
              Thing:
                Type: AWS::Nothing::Here
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/x
                  Handler: x.Y::handleRequest
                  Runtime: java17
                  SnapStart:
                    ApplyOn: PublishedVersions
                    Mode: fast
                  ColdStart: none
                  Events:
                    Get:
                      Type: HttpApi
                      Properties:
                        Path: /x
                        Verb: GET
              Migration:
                Type: Custom::DatabaseMigration
                Properties:
                  Stage: dev
            """);

        // WHEN
        List<String> problems = validator.validate(template);

        // THEN
        assertThat(problems).anyMatch(p -> p.startsWith("Proxy.RequireTls: no such property"))
            .anyMatch(p -> p.startsWith("Proxy.Auth[0].SecretArns: no such property"))
            .anyMatch(p -> p.equals("Thing: resource type AWS::Nothing::Here is not in the CloudFormation "
                + "specification"))
            .anyMatch(p -> p.startsWith("Fn.SnapStart.Mode: no such property"))
            .anyMatch(p -> p.startsWith("Fn.ColdStart: not a property of AWS::Serverless::Function"))
            .anyMatch(p -> p.startsWith("Fn.Events.Get.Verb: not a property of a HttpApi event"))
            .anyMatch(p -> p.equals("Migration: required property ServiceToken is missing"))
            .hasSize(7);
    }

    @Test
    void validate_shouldReportAMissingRequiredProperty_whenAResourceLacksOne() {
        CfnTemplate template = CfnTemplate.parse("""
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  VpcId: !Ref Vpc
            """);

        assertThat(validator.validate(template))
            .containsExactly("Group: required property GroupDescription is missing");
    }
}
