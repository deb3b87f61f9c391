package org.kontor.platform.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Failed jobs: a {@link PermanentFailure} anywhere in the cause chain raises the incident at once; everything
 * else (a database hiccup, a busy engine) keeps the step's retry cycle.
 */
@Component
public class PermanentFailurePlugin extends AbstractProcessEnginePlugin implements FailedJobCommandFactory {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(this);
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        return isPermanent(exception) ? new NoRetryCmd(jobId, exception) : new DefaultJobRetryCmd(jobId, exception);
    }

    static boolean isPermanent(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentFailure) {
                return true;
            }
        }
        return false;
    }

    private static final class NoRetryCmd extends JobRetryCmd {

        NoRetryCmd(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job == null) {
                return null;
            }
            job.unlock();
            logException(job);
            // Going from >0 to 0 retries is what creates the failed-job incident, with the exception's message.
            job.setRetries(0);
            notifyAcquisition(commandContext);
            return null;
        }
    }
}
