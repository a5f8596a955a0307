package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"
	"helm.sh/helm/v3/pkg/lint"
	"helm.sh/helm/v3/pkg/lint/support"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"
)

// The Helm chart is linted and rendered with Helm's own packages, and what
// it renders is decoded strictly into the Kubernetes API types (an unknown
// or misspelt field fails) and checked against the binary's configuration.

const chartDir = "../../deploy/helm/innoport"

// installValues are the least an operator sets: the store and the secret.
func installValues() map[string]any {
	return map[string]any{"secrets": map[string]any{
		"mongodbUri": "mongodb://m1,m2,m3/innoport?replicaSet=rs0",
		"jwtSecret":  "0123456789abcdef0123456789abcdef",
	}}
}

func TestHelmChartLints(t *testing.T) {
	t.Parallel()
	linter := lint.All(chartDir, installValues(), "innoport", false)
	for _, m := range linter.Messages {
		assert.Less(t, m.Severity, support.WarningSev, "%s", m)
	}

	typo := installValues()
	typo["config"] = map[string]any{"logLevel": "verbose"}
	linter = lint.All(chartDir, typo, "innoport", false)
	assert.Equal(t, support.ErrorSev, linter.HighestSeverity, "values.schema.json catches a bad value")
	assert.Contains(t, messages(linter), "logLevel")
}

func TestHelmChartRefusesAnInstallWithoutItsSecrets(t *testing.T) {
	t.Parallel()
	_, err := render(t, nil)
	assert.ErrorContains(t, err, "secrets.mongodbUri is required")
	short := installValues()
	short["secrets"].(map[string]any)["jwtSecret"] = "too-short"
	_, err = render(t, short)
	assert.ErrorContains(t, err, "at least 32 bytes")
}

func messages(l support.Linter) string {
	var b strings.Builder
	for _, m := range l.Messages {
		b.WriteString(m.Error() + "\n")
	}
	return b.String()
}

// rendered is a chart rendered for one install, decoded.
type rendered struct {
	deployment *appsv1.Deployment
	service    *corev1.Service
	hpa        *autoscalingv2.HorizontalPodAutoscaler
	pdb        *policyv1.PodDisruptionBudget
	ingress    *networkingv1.Ingress
	secret     *corev1.Secret
}

// render renders the chart as `helm install innoport -n innoport` would.
func render(t *testing.T, vals map[string]any) (map[string]string, error) {
	t.Helper()
	ch, err := loader.Load(chartDir)
	require.NoError(t, err)
	rv, err := chartutil.ToRenderValues(ch, vals,
		chartutil.ReleaseOptions{Name: "innoport", Namespace: "innoport", Revision: 1, IsInstall: true}, chartutil.DefaultCapabilities)
	if err != nil {
		return nil, err
	}
	return engine.Render(ch, rv)
}

func renderChart(t *testing.T, vals map[string]any) rendered {
	t.Helper()
	files, err := render(t, vals)
	require.NoError(t, err)
	var r rendered
	for name, text := range files {
		if !strings.HasSuffix(name, ".yaml") {
			continue
		}
		for _, doc := range strings.Split(text, "\n---") {
			if strings.TrimSpace(doc) == "" {
				continue
			}
			var meta metav1.TypeMeta
			require.NoError(t, yaml.Unmarshal([]byte(doc), &meta), name)
			var obj any
			switch meta.Kind {
			case "Deployment":
				r.deployment = new(appsv1.Deployment)
				obj = r.deployment
			case "Service":
				r.service = new(corev1.Service)
				obj = r.service
			case "HorizontalPodAutoscaler":
				r.hpa = new(autoscalingv2.HorizontalPodAutoscaler)
				obj = r.hpa
			case "PodDisruptionBudget":
				r.pdb = new(policyv1.PodDisruptionBudget)
				obj = r.pdb
			case "Ingress":
				r.ingress = new(networkingv1.Ingress)
				obj = r.ingress
			case "Secret":
				r.secret = new(corev1.Secret)
				obj = r.secret
			default:
				t.Fatalf("%s renders an unexpected %q", name, meta.Kind)
			}
			require.NoError(t, yaml.UnmarshalStrict([]byte(doc), obj), "%s:\n%s", name, doc)
		}
	}
	require.NotNil(t, r.deployment)
	require.NotNil(t, r.service)
	return r
}

// environment resolves the container's variables as the kubelet would:
// values, the pod's name, and keys of the chart's Secret (or stand-ins for
// keys of an operator's Secret).
func (r rendered) environment(t *testing.T) map[string]string {
	t.Helper()
	c := r.deployment.Spec.Template.Spec.Containers[0]
	known := knownVariables(t)
	env := map[string]string{}
	for _, e := range c.Env {
		assert.True(t, known(e.Name), "the chart sets %s, which the service does not read", e.Name)
		switch {
		case e.ValueFrom == nil:
			env[e.Name] = e.Value
		case e.ValueFrom.FieldRef != nil:
			require.Equal(t, "metadata.name", e.ValueFrom.FieldRef.FieldPath)
			env[e.Name] = "innoport-7d9f-x2k4q"
		case e.ValueFrom.SecretKeyRef != nil:
			ref := e.ValueFrom.SecretKeyRef
			if r.secret == nil {
				env[e.Name] = "from " + ref.Name + " " + strings.Repeat("x", 32)
				continue
			}
			require.Equal(t, r.secret.Name, ref.Name)
			require.Contains(t, r.secret.StringData, ref.Key, "the chart's Secret has %s's key", e.Name)
			env[e.Name] = r.secret.StringData[ref.Key]
		}
	}
	return env
}

func TestHelmChartRendersAReplicaTheBinaryAccepts(t *testing.T) {
	t.Parallel()
	r := renderChart(t, installValues())

	d := r.deployment
	assert.Nil(t, d.Spec.Replicas, "the autoscaler owns the replica count")
	c := d.Spec.Template.Spec.Containers[0]
	assert.Equal(t, "ghcr.io/innoport/innoport:0.1.0", c.Image)
	assert.Equal(t, []string{"serve"}, c.Args)
	assert.Equal(t, "/healthz", c.LivenessProbe.HTTPGet.Path)
	assert.Equal(t, "/readyz", c.ReadinessProbe.HTTPGet.Path)
	assert.Equal(t, "http", c.LivenessProbe.HTTPGet.Port.String())
	assert.False(t, c.Resources.Requests.Cpu().IsZero())
	assert.False(t, c.Resources.Limits.Memory().IsZero())
	assert.True(t, *c.SecurityContext.ReadOnlyRootFilesystem)
	assert.True(t, *d.Spec.Template.Spec.SecurityContext.RunAsNonRoot)
	assert.Equal(t, "true", d.Spec.Template.Annotations["prometheus.io/scrape"])
	assert.NotEmpty(t, d.Spec.Template.Annotations["checksum/secret"], "a changed secret rolls the replicas")
	assert.Equal(t, d.Spec.Selector.MatchLabels, r.service.Spec.Selector)

	env := r.environment(t)
	cfg, _, err := parseConfig("serve", nil, func(k string) string { return env[k] })
	require.NoError(t, err)
	assert.Equal(t, "mongodb://m1,m2,m3/innoport?replicaSet=rs0", cfg.MongoURI)
	assert.Equal(t, "0123456789abcdef0123456789abcdef", cfg.JWTSecret)
	assert.Equal(t, "innoport-7d9f-x2k4q", cfg.Instance, "each pod names itself in job leases")
	assert.Equal(t, ":8080", cfg.Addr)
	assert.False(t, cfg.Introspection)
	assert.False(t, cfg.Demo)
	assert.Equal(t, 20, cfg.RateLimit)
	assert.Less(t, cfg.ShutdownTimeout.Seconds(), float64(*d.Spec.Template.Spec.TerminationGracePeriodSeconds),
		"in-flight requests finish before the kubelet kills the pod")

	require.NotNil(t, r.hpa)
	assert.Equal(t, d.Name, r.hpa.Spec.ScaleTargetRef.Name)
	assert.EqualValues(t, 2, *r.hpa.Spec.MinReplicas)
	require.NotNil(t, r.pdb)
	assert.Equal(t, 1, r.pdb.Spec.MinAvailable.IntValue())
	assert.Nil(t, r.ingress, "no ingress unless asked")
}

func TestHelmChartVariants(t *testing.T) {
	t.Parallel()
	vals := map[string]any{
		"autoscaling":  map[string]any{"enabled": false},
		"replicaCount": 3,
		"ingress":      map[string]any{"enabled": true, "className": "nginx", "host": "api.innoport.haiphong.gov.vn", "tlsSecretName": "innoport-tls"},
		"config":       map[string]any{"oidcIssuer": "https://sso.haiphong.gov.vn/realms/innoport", "oidcAudience": "innoport", "introspection": true},
		"meilisearch":  map[string]any{"url": "http://meilisearch:7700"},
		"secrets":      map[string]any{"existingSecret": "innoport-prod"},
		"extraEnv":     []any{map[string]any{"name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://otel-collector:4318"}},
	}
	r := renderChart(t, vals)
	assert.EqualValues(t, 3, *r.deployment.Spec.Replicas)
	assert.Nil(t, r.hpa)
	assert.Nil(t, r.secret, "the operator's Secret is used")
	assert.Empty(t, r.deployment.Spec.Template.Annotations["checksum/secret"])

	env := r.environment(t)
	assert.NotContains(t, env, "INNOPORT_JWT_SECRET", "tokens come from the issuer")
	assert.Equal(t, "http://meilisearch:7700", env["MEILI_URL"])
	assert.Contains(t, env["MEILI_MASTER_KEY"], "from innoport-prod")
	cfg, _, err := parseConfig("serve", nil, func(k string) string { return env[k] })
	require.NoError(t, err)
	assert.Equal(t, "https://sso.haiphong.gov.vn/realms/innoport", cfg.OIDCIssuer)
	assert.True(t, cfg.Introspection)
	assert.True(t, cfg.Tracing)
	assert.Equal(t, "http://meilisearch:7700", cfg.MeiliURL)

	require.NotNil(t, r.ingress)
	assert.Equal(t, "nginx", *r.ingress.Spec.IngressClassName)
	assert.Equal(t, []string{"api.innoport.haiphong.gov.vn"}, r.ingress.Spec.TLS[0].Hosts)
	var paths []string
	for _, p := range r.ingress.Spec.Rules[0].HTTP.Paths {
		paths = append(paths, p.Path)
		assert.Equal(t, r.service.Name, p.Backend.Service.Name)
	}
	assert.Equal(t, []string{"/graphql", "/events"}, paths, "/metrics and the probes stay inside the cluster")
}
