# Lambda artifacts for `sam build` (BuildMethod: makefile in template.yaml). SAM runs `make build-<LogicalId>` with
# ARTIFACTS_DIR set; each target builds one Maven module and the modules it needs (shared-db) in one reactor, then
# lays out what the Java runtime loads: classes at the root of the artifact, dependency jars under lib/.
# Never `mvn install`: the reactor resolves shared-db from its target/ directory.

MVNW ?= ./mvnw
MAVEN_FLAGS ?= -q -B -DskipTests

# target/dependency is emptied first: copy-dependencies never deletes a jar that an exclusion has dropped.
define java_lambda
	rm -rf $(1)/target/dependency
	$(MVNW) $(MAVEN_FLAGS) -pl $(1) -am package dependency:copy-dependencies -DincludeScope=runtime
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp -R $(1)/target/classes/. "$(ARTIFACTS_DIR)/"
	cp $(1)/target/dependency/*.jar "$(ARTIFACTS_DIR)/lib/"
endef

.PHONY: build-AuthFunction build-UsersFunction build-OrganizationsFunction build-MigrateFunction \
	build-SeedFunction build-ExportFunction

# The three API functions share one artifact; SAM builds it once and copies it to the others.
build-AuthFunction:
	$(call java_lambda,functions/api)

build-UsersFunction:
	$(call java_lambda,functions/api)

build-OrganizationsFunction:
	$(call java_lambda,functions/api)

build-MigrateFunction:
	$(call java_lambda,functions/migrate)

build-SeedFunction:
	$(call java_lambda,functions/seed)

build-ExportFunction:
	$(call java_lambda,functions/export)
