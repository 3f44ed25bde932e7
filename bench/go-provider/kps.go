package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// settings is what Configure gives: the same keys as pulumi-resource-cloudreads's.
type settings struct {
	token     string
	region    string
	projectID string
	kmsURL    string
}

// taskBody is the success body of KPS `GET /v3/{project_id}/tasks/{task_id}` (ListKeypairTask).
type taskBody struct {
	TaskID     string `json:"task_id"`
	TaskStatus string `json:"task_status"`
	ServerID   string `json:"server_id"`
}

// client keeps connections to the KPS host alive across the engine's parallel Creates.
var client = &http.Client{
	Timeout:   60 * time.Second,
	Transport: &http.Transport{MaxIdleConnsPerHost: 128, IdleConnTimeout: 90 * time.Second},
}

// kmsBase is the KPS base URL: huaweicloudEndpoints.kms, else the region's public host.
func (s settings) kmsBase() string {
	if s.kmsURL != "" {
		return strings.TrimRight(s.kmsURL, "/")
	}
	return fmt.Sprintf("https://kms.%s.myhuaweicloud.com", s.region)
}

// readTask sends the same GET as the plugin's KeypairTask, with token authentication.
func readTask(ctx context.Context, s settings, projectID, taskID string) (taskBody, error) {
	var body taskBody
	u := fmt.Sprintf("%s/v3/%s/tasks/%s", s.kmsBase(), url.PathEscape(projectID), url.PathEscape(taskID))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return body, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "cloudreads-bench-go-provider")
	req.Header.Set("X-Auth-Token", s.token)
	res, err := client.Do(req)
	if err != nil {
		return body, fmt.Errorf("KPS ListKeypairTask: %w", err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, 4<<20))
	if err != nil {
		return body, fmt.Errorf("KPS ListKeypairTask: %w", err)
	}
	if res.StatusCode != http.StatusOK {
		return body, fmt.Errorf("KPS ListKeypairTask: HTTP %d", res.StatusCode)
	}
	if err := json.Unmarshal(data, &body); err != nil {
		return body, fmt.Errorf("KPS ListKeypairTask: response is not JSON: %w", err)
	}
	if body.TaskStatus == "" {
		return body, fmt.Errorf("KPS ListKeypairTask: response has no task_status")
	}
	if body.TaskID != "" && body.TaskID != taskID {
		return body, fmt.Errorf("KPS ListKeypairTask: response is for task %q, not %q", body.TaskID, taskID)
	}
	return body, nil
}

// splitStatus splits `PHASE_OPERATION` at the first underscore, as the plugin does.
func splitStatus(status string) (phase, operation string) {
	if at := strings.IndexByte(status, '_'); at >= 0 {
		return status[:at], status[at+1:]
	}
	return status, ""
}
